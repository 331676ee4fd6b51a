# scenario: spill the ctx, overwrite one byte, fill as a scalar without dereferencing (privileged): accepted
# kernel: accept
# kernel-processed: 5
# kernel-version: 6.18.44
	.section xdp
	*(u64 *)(r10 - 8) = r1
	*(u8 *)(r10 - 4) = 0
	r2 = *(u64 *)(r10 - 8)
	r0 = 2
	exit
