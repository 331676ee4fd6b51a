# scenario: opts is an 8-byte map value but opts__sz is 16: rejected (invalid access to map value)
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 20
# kernel-error: invalid access to map value, value_size=8 off=0 size=16
# kernel-error: R4 min value is outside of the allowed memory range
# kernel-error: arg#3 arg#4 memory, len pair leads to invalid memory access
# kernel-processed: 20
# kernel-version: 6.18.44
	.section xdp
	.map small, type=array, key=4, value=8, entries=1
	r6 = r1
	*(u64 *)(r10 - 8) = 0
	*(u64 *)(r10 - 16) = 0
	*(u64 *)(r10 - 24) = 0
	*(u64 *)(r10 - 32) = 0
	*(u64 *)(r10 - 40) = 0
	*(u64 *)(r10 - 48) = 0
	*(u32 *)(r10 - 52) = 0
	r1 = small ll
	r2 = r10
	r2 += -52
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r1 = r6
	r2 = r10
	r2 += -48
	r3 = 12
	r4 = r0
	r5 = 16
	call bpf_xdp_ct_lookup
	if r0 == 0 goto out
	r1 = r0
	call bpf_ct_release
out:
	r0 = 2
	exit
