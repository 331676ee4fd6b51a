# scenario: r0 += 4 before the null check: rejected (pointer arithmetic on map_value_or_null prohibited)
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 6
# kernel-error: R0 pointer arithmetic on map_value_or_null prohibited, null-check it first
# kernel-processed: 6
# kernel-version: 6.18.44
	.section xdp
	.map vals, type=hash, key=4, value=8, entries=16
	*(u32 *)(r10 - 4) = 0
	r1 = vals ll
	r2 = r10
	r2 += -4
	call bpf_map_lookup_elem
	r0 += 4
	if r0 == 0 goto out
	r1 = *(u32 *)(r0 + 0)
out:
	r0 = 2
	exit
