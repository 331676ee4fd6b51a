# scenario: zero a 64-byte stack buffer in a loop with a moving stack pointer, then read it: accepted
# kernel: accept
# kernel-processed: 37
# kernel-version: 6.18.44
	.section xdp
	r1 = r10
	r1 += -64
	r2 = 0
loop:
	*(u64 *)(r1 + 0) = 0
	r1 += 8
	r2 += 1
	if r2 < 8 goto loop
	r0 = *(u64 *)(r10 - 8)
	exit
