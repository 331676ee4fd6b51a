# scenario: 8-byte read of xdp_md->data: rejected (ctx fields are u32)
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 0
# kernel-error: invalid bpf_context access off=0 size=8
# kernel-processed: 1
# kernel-version: 6.18.44
	.section xdp
	r2 = *(u64 *)(r1 + 0)
	r0 = 2
	exit
