# scenario: spill the ctx, overwrite one byte of the slot, fill and dereference: the fill is a scalar now: rejected
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 3
# kernel-error: R2 invalid mem access 'scalar'
# kernel-processed: 4
# kernel-version: 6.18.44
	.section xdp
	*(u64 *)(r10 - 8) = r1
	*(u8 *)(r10 - 8) = 0
	r2 = *(u64 *)(r10 - 8)
	r3 = *(u32 *)(r2 + 12)
	r0 = 2
	exit
