# scenario: bounded loop keeping its counter in fp-8 and a dead scratch slot fp-16
# kernel: accept
# kernel-processed: 24
# kernel-version: 6.18.44
	.section xdp
	r1 = 0
	*(u64 *)(r10 - 8) = r1
loop:
	r1 = *(u64 *)(r10 - 8)
	r1 += 1
	*(u64 *)(r10 - 8) = r1
	*(u64 *)(r10 - 16) = r1
	if r1 < 4 goto loop
	r0 = 2
	exit
