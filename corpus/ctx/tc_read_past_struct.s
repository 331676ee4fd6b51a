# scenario: TC reads at offset 400 of __sk_buff: rejected
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 0
# kernel-error: invalid bpf_context access off=400 size=4
# kernel-processed: 1
# kernel-version: 6.18.44
	.section tc
	r0 = *(u32 *)(r1 + 400)
	exit
