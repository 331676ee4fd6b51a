# scenario: TC: bpf_sk_release(ctx): rejected (R1 type=ctx expected=sock...)
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 0
# kernel-error: R1 type=ctx expected=sock_common, sock, tcp_sock, xdp_sock, ptr_, trusted_ptr_
# kernel-processed: 1
# kernel-version: 6.18.44
	.section tc
	call bpf_sk_release
out:
	r0 = 2
	exit
