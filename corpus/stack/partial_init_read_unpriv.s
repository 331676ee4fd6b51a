# scenario: write 4 bytes at fp-8, read 8 bytes without CAP_PERFMON: rejected (invalid read from stack off -8+4 size 8)
# profile: unprivileged
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 1
# kernel-error: invalid read from stack off -8+4 size 8
# kernel-processed: 2
# kernel-version: 6.18.44
	.section xdp
	*(u32 *)(r10 - 8) = 1
	r1 = *(u64 *)(r10 - 8)
	r0 = 2
	exit
