# scenario: TC: bpf_sk_release(ctx): rejected (R1 type=ctx expected=sock...)
	.section tc
	call bpf_sk_release
out:
	r0 = 2
	exit
