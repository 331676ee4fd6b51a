# scenario: read at offset 24, past the 24-byte xdp_md: rejected (invalid bpf_context access off=24 size=4)
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 0
# kernel-error: invalid bpf_context access off=24 size=4
# kernel-processed: 1
# kernel-version: 6.18.44
	.section xdp
	r0 = *(u32 *)(r1 + 24)
	exit
