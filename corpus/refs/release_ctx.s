# scenario: bpf_ct_release(ctx): rejected (max struct nesting depth exceeded / must point to scalar)
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 0
# kernel-error: max struct nesting depth exceeded
# kernel-error: arg#0 pointer type STRUCT nf_conn must point to scalar, or struct with scalar
# kernel-processed: 1
# kernel-version: 6.18.44
	.section xdp
	call bpf_ct_release
	r0 = 2
	exit
