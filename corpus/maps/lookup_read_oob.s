# scenario: 8-byte read at value + 4 of an 8-byte value: rejected (invalid access to map value)
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 7
# kernel-error: invalid access to map value, value_size=8 off=4 size=8
# kernel-error: R0 min value is outside of the allowed memory range
# kernel-processed: 7
# kernel-version: 6.18.44
	.section xdp
	.map vals, type=hash, key=4, value=8, entries=16
	*(u32 *)(r10 - 4) = 0
	r1 = vals ll
	r2 = r10
	r2 += -4
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r1 = *(u64 *)(r0 + 4)
out:
	r0 = 2
	exit
