# scenario: load through fp-32 + (x & 8) without CAP_PERFMON: rejected (variable stack access prohibited for !root)
# profile: unprivileged
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 6
# kernel-error: R3 variable stack access prohibited for !root, var_off=(0x0; 0x8) off=-32
# kernel-processed: 7
# kernel-version: 6.18.44
	.section xdp
	*(u64 *)(r10 - 32) = 0
	*(u64 *)(r10 - 24) = 0
	r2 = *(u32 *)(r1 + 16)
	r2 &= 8
	r3 = r10
	r3 += -32
	r3 += r2
	r4 = *(u64 *)(r3 + 0)
	r0 = 2
	exit
