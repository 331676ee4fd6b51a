# scenario: TC: bpf_skb_load_bytes(ctx, 14, fp-20, 20): accepted
# kernel: accept
# kernel-processed: 7
# kernel-version: 6.18.44
	.section tc
	r2 = 14
	r3 = r10
	r3 += -24
	r4 = 20
	call bpf_skb_load_bytes
out:
	r0 = 2
	exit
