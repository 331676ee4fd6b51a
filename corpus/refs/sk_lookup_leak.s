# scenario: TC bpf_sk_lookup_udp result never released: rejected (Unreleased reference)
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 12
# kernel-error: Unreleased reference id=2 alloc_insn=9
# kernel-error: BPF_EXIT instruction in main prog would lead to reference leak
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
	call bpf_sk_lookup_udp
	if r0 == 0 goto out
	r0 = 0
	exit
out:
	r0 = 2
	exit
