# scenario: read at ctx - 4: rejected
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 0
# kernel-error: invalid bpf_context access off=-4 size=4
# kernel-processed: 1
# kernel-version: 6.18.44
	.section xdp
	r0 = *(u32 *)(r1 - 4)
	exit
