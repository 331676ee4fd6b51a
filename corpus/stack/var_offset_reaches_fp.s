# scenario: store through fp-8 + (x & 8): the maximum offset lands at fp+0: rejected
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 5
# kernel-error: invalid variable-offset write to stack R3 var_off=(0x0; 0x8) off=-8 size=8
# kernel-processed: 6
# kernel-version: 6.18.44
	.section xdp
	r2 = *(u32 *)(r1 + 16)
	r2 &= 8
	r3 = r10
	r3 += -8
	r3 += r2
	*(u64 *)(r3 + 0) = 1
	r0 = 2
	exit
