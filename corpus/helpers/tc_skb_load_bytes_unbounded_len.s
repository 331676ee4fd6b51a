# scenario: TC: bpf_skb_load_bytes with an unbounded length: rejected
	.section tc
	r4 = *(u32 *)(r1 + 0)
	r2 = 0
	r3 = r10
	r3 += -64
	call bpf_skb_load_bytes
out:
	r0 = 2
	exit
