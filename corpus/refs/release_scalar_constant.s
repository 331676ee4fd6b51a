# scenario: bpf_ct_release(4096): a non-zero scalar where an nf_conn is expected: rejected (must point to scalar)
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 1
# kernel-error: max struct nesting depth exceeded
# kernel-error: arg#0 pointer type STRUCT nf_conn must point to scalar, or struct with scalar
# kernel-processed: 2
# kernel-version: 6.18.44
	.section xdp
	r1 = 4096
	call bpf_ct_release
	r0 = 2
	exit
