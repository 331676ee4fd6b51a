# scenario: read xdp_md->egress_ifindex from a plain XDP program (only devmap programs may): rejected (invalid bpf_context access)
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 0
# kernel-error: invalid bpf_context access off=20 size=4
# kernel-processed: 1
# kernel-version: 6.18.44
	.section xdp
	r0 = *(u32 *)(r1 + 20)
	exit
