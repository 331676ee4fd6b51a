# scenario: offset = x - x in 32-bit ops through a copy (w2 = w1; w1 -= w2) is always 0, but the s32 interval is [-63, 63], so the u32 range is unknown and the zero-extended offset is [0, U32_MAX]: rejected (unbounded access) although every access is at offset 0
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 15
# kernel-error: R7 unbounded memory access, make sure to bounds check any such access
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
	w2 = w1
	w1 -= w2
	r7 += r1
	r0 = *(u8 *)(r7 + 0)
out:
	r0 = 2
	exit
