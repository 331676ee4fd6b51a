# scenario: reading R1 after bpf_get_prandom_u32: rejected (R1 !read_ok)
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 1
# kernel-error: R1 !read_ok
# kernel-processed: 2
# kernel-version: 6.18.44
	.section xdp
	call bpf_get_prandom_u32
	r0 = r1
	exit
