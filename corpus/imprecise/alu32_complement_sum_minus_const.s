# scenario: offset = (x + (63 - x)) - 63 in 32-bit ops is always 0, but interval arithmetic gives s32 [-63, 63], whose u32 range (after zero-extension) is unknown: rejected (unbounded access) although every access is at offset 0
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 17
# kernel-error: R7 unbounded memory access, make sure to bounds check any such access
# kernel-processed: 17
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
	w2 = 63
	w2 -= w1
	w1 += w2
	w1 -= 63
	r7 += r1
	r0 = *(u8 *)(r7 + 0)
out:
	r0 = 2
	exit
