# scenario: atomic add into xdp_md: atomics on the ctx are not allowed: rejected
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 1
# kernel-error: BPF_ATOMIC stores into R1 ctx is not allowed
# kernel-processed: 2
# kernel-version: 6.18.44
	.section xdp
	r2 = 1
	lock *(u32 *)(r1 + 12) += w2
	r0 = 2
	exit
