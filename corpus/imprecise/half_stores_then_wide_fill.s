# scenario: x & 63 stored as the low u32 of a slot whose high u32 is stored as 0, then read back as a u64 (same value): the two narrow stores make the slot misc and the fill unknown: rejected
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 15
# kernel-error: math between map_value pointer and register with unbounded min value is not allowed
# kernel-processed: 15
# kernel-version: 6.18.44
	.section xdp
	.map vals, type=array, key=4, value=64, entries=1
	r6 = r1
	r8 = *(u32 *)(r6 + 12)
	*(u32 *)(r10 - 4) = 0
	r1 = vals ll
	r2 = r10
	r2 += -4
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r7 = r0
	r1 = r8
	r1 &= 63
	*(u32 *)(r10 - 16) = r1
	*(u32 *)(r10 - 12) = 0
	r1 = *(u64 *)(r10 - 16)
	r7 += r1
	r0 = *(u8 *)(r7 + 0)
out:
	r0 = 2
	exit
