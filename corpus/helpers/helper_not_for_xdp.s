# scenario: XDP calls bpf_skb_load_bytes (a skb-only helper): rejected (unknown func / not allowed)
	.section xdp
	r2 = 0
	r3 = r10
	r3 += -8
	r4 = 8
	call bpf_skb_load_bytes
out:
	r0 = 2
	exit
