# scenario: *(u64 *)(fp-16) = 0 makes the bytes ZERO; the filled value is known 0: accepted
# kernel: accept
# kernel-processed: 5
# kernel-version: 6.18.44
	.section xdp
	*(u64 *)(r10 - 16) = 0
	r2 = *(u64 *)(r10 - 16)
	if r2 == 0 goto good
	r0 = *(u8 *)(r2 + 0)
good:
	r0 = 2
	exit
