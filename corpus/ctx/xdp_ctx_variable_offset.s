# scenario: ctx + (rx_queue_index & 4) then a load: rejected (variable ctx access)
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 3
# kernel-error: variable ctx access var_off=(0x0; 0x4) disallowed
# kernel-processed: 4
# kernel-version: 6.18.44
	.section xdp
	r2 = *(u32 *)(r1 + 16)
	r2 &= 4
	r1 += r2
	r0 = *(u32 *)(r1 + 0)
	exit
