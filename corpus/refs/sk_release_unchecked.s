# scenario: bpf_sk_release on the unchecked socket: rejected (type=sock_or_null expected=sock...)
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 11
# kernel-error: R1 type=sock_or_null expected=sock_common, sock, tcp_sock, xdp_sock, ptr_, trusted_ptr_
# kernel-processed: 12
# kernel-version: 6.18.44
	.section tc
	r6 = r1
	*(u64 *)(r10 - 104) = 0
	*(u64 *)(r10 - 96) = 0
	r1 = r6
	r2 = r10
	r2 += -104
	r3 = 12
	r4 = -1
	r5 = 0
	call bpf_sk_lookup_tcp
	r1 = r0
	call bpf_sk_release
out:
	r0 = 2
	exit
