# scenario: only 8 of the 12 tuple bytes written, unprivileged loader: rejected (invalid read from stack R2 off -48+8)
# profile: unprivileged
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 13
# kernel-error: invalid read from stack R2 off -48+8 size 12
# kernel-error: arg#1 arg#2 memory, len pair leads to invalid memory access
# kernel-processed: 14
# kernel-version: 6.18.44
	.section xdp
	r6 = r1
	*(u64 *)(r10 - 48) = 0
	*(u64 *)(r10 - 64) = 0
	*(u64 *)(r10 - 56) = 0
	*(u32 *)(r10 - 64) = -1
	*(u8 *)(r10 - 56) = 6
	r1 = r6
	r2 = r10
	r2 += -48
	r3 = 12
	r4 = r10
	r4 += -64
	r5 = 16
	call bpf_xdp_ct_lookup
	if r0 == 0 goto out
	r1 = r0
	call bpf_ct_release
out:
	r0 = 2
	exit
