# scenario: TC: a socket pointer passed to bpf_ct_release: rejected at arg#0 (struct mismatch)
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 12
# kernel-error: kernel function bpf_ct_release args#0 expected pointer to STRUCT nf_conn but R1 has a pointer to STRUCT sock
# kernel-processed: 13
# kernel-version: 6.18.44
	.section tc
	r6 = r1
	*(u64 *)(r10 - 104) = 0
	*(u64 *)(r10 - 96) = 0
	r1 = r6
	r2 = r10
	r2 += -104
	r3 = 12
	r4 = -1
	r5 = 0
	call bpf_sk_lookup_tcp
	if r0 == 0 goto out
	r1 = r0
	call bpf_ct_release
out:
	r0 = 2
	exit
