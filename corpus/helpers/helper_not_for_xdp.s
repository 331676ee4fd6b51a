# scenario: XDP calls bpf_skb_load_bytes (a skb-only helper): rejected (unknown func / not allowed)
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 4
# kernel-error: program of this type cannot use helper bpf_skb_load_bytes#26
# kernel-processed: 5
# kernel-version: 6.18.44
	.section xdp
	r2 = 0
	r3 = r10
	r3 += -8
	r4 = 8
	call bpf_skb_load_bytes
out:
	r0 = 2
	exit
