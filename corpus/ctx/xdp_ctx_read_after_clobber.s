# scenario: read through r1 after bpf_get_prandom_u32 clobbered it: rejected (R1 !read_ok)
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 1
# kernel-error: R1 !read_ok
# kernel-processed: 2
# kernel-version: 6.18.44
	.section xdp
	call bpf_get_prandom_u32
	r0 = *(u32 *)(r1 + 16)
	exit
