# scenario: bpf_skb_ct_lookup with a bad ctx sits behind a branch that is statically never taken: never walked, so accepted
# kernel: accept
# kernel-processed: 5
# kernel-version: 6.18.44
	.section xdp
	r6 = r1
	r7 = 1
	if r7 == 1 goto out
	r1 = r6
	r2 = r10
	r2 += -48
	r3 = 12
	r4 = r10
	r4 += -64
	r5 = 16
	call bpf_skb_ct_lookup
	if r0 == 0 goto out
	r1 = r0
	call bpf_ct_release
out:
	r0 = 2
	exit
