# scenario: bpf_ct_release(fp-8): rejected (must point to scalar)
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 3
# kernel-error: max struct nesting depth exceeded
# kernel-error: arg#0 pointer type STRUCT nf_conn must point to scalar, or struct with scalar
# kernel-processed: 4
# kernel-version: 6.18.44
	.section xdp
	*(u64 *)(r10 - 8) = 0
	r1 = r10
	r1 += -8
	call bpf_ct_release
	r0 = 2
	exit
