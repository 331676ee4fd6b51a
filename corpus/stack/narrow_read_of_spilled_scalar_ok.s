# scenario: 4-byte read from a slot holding a spilled 64-bit constant: accepted
# kernel: accept
# kernel-processed: 5
# kernel-version: 6.18.44
	.section xdp
	r1 = 0x1234567890 ll
	*(u64 *)(r10 - 8) = r1
	r2 = *(u32 *)(r10 - 8)
	r0 = 2
	exit
