# scenario: TC: packet pointer used after bpf_skb_pull_data: rejected
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 10
# kernel-error: R7 invalid mem access 'scalar'
# kernel-processed: 11
# kernel-version: 6.18.44
	.section tc
	r6 = r1
	r2 = *(u32 *)(r6 + 76)
	r3 = *(u32 *)(r6 + 80)
	r4 = r2
	r4 += 4
	if r4 > r3 goto out
	r7 = r2
	r1 = r6
	r2 = 4
	call bpf_skb_pull_data
	r0 = *(u8 *)(r7 + 0)
out:
	r0 = 2
	exit
