# scenario: CGROUP_SKB returns skb->len (unknown u32): rejected (range check)
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 1
# kernel-error: At program exit the register R0 has smin=0 smax=4294967295 should have been in [0, 1]
# kernel-processed: 2
# kernel-version: 6.18.44
	.section cgroup_skb/ingress
	r0 = *(u32 *)(r1 + 0)
	exit
