# scenario: TC: bpf_sk_lookup_udp with an IPv4 tuple on the stack, check, bpf_sk_release: accepted
# kernel: accept
# kernel-processed: 14
# kernel-version: 6.18.44
	.section tc
	*(u64 *)(r10 - 16) = 0
	*(u32 *)(r10 - 8) = 0
	r2 = r10
	r2 += -16
	r3 = 12
	r4 = -1
	r5 = 0
	call bpf_sk_lookup_udp
	if r0 == 0 goto out
	r1 = r0
	call bpf_sk_release
out:
	r0 = 2
	exit
