# scenario: 4-byte read at offset 2 of xdp_md: rejected
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 0
# kernel-error: invalid bpf_context access off=2 size=4
# kernel-processed: 1
# kernel-version: 6.18.44
	.section xdp
	r0 = *(u32 *)(r1 + 2)
	exit
