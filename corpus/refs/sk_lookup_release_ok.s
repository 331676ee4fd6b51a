# scenario: TC bpf_sk_lookup_tcp, null check, bpf_sk_release: accepted
# kernel: accept
# kernel-processed: 16
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
	call bpf_sk_release
out:
	r0 = 2
	exit
