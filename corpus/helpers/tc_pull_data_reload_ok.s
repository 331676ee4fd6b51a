# scenario: TC: bpf_skb_pull_data then reload and re-check data: accepted
# kernel: accept
# kernel-processed: 13
# kernel-version: 6.18.44
	.section tc
	r6 = r1
	r1 = r6
	r2 = 20
	call bpf_skb_pull_data
	r2 = *(u32 *)(r6 + 76)
	r3 = *(u32 *)(r6 + 80)
	r4 = r2
	r4 += 20
	if r4 > r3 goto out
	r0 = *(u32 *)(r2 + 16)
out:
	r0 = 2
	exit
