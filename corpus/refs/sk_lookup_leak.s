# scenario: TC bpf_sk_lookup_udp result never released: rejected (Unreleased reference)
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
	call bpf_sk_lookup_udp
	if r0 == 0 goto out
	r0 = 0
	exit
out:
	r0 = 2
	exit
