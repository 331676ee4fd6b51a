# scenario: opts never written, unprivileged loader: rejected at the opts/opts__sz pair
# profile: unprivileged
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 14
# kernel-error: invalid read from stack R4 off=-64 size=16
# kernel-error: arg#3 arg#4 memory, len pair leads to invalid memory access
# kernel-processed: 15
# kernel-version: 6.18.44
	.section xdp
	r6 = r1
	*(u64 *)(r10 - 8) = 0
	*(u64 *)(r10 - 16) = 0
	*(u64 *)(r10 - 24) = 0
	*(u64 *)(r10 - 32) = 0
	*(u64 *)(r10 - 40) = 0
	*(u64 *)(r10 - 48) = 0
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
