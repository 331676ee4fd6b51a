# scenario: CGROUP_SKB returns 5: rejected (should have been in [0, 1])
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 1
# kernel-error: At program exit the register R0 has smin=5 smax=5 should have been in [0, 1]
# kernel-processed: 2
# kernel-version: 6.18.44
	.section cgroup_skb/ingress
	r0 = 5
	exit
