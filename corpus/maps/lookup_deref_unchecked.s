# scenario: read the lookup result without a null check: rejected (R0 invalid mem access 'map_value_or_null')
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 6
# kernel-error: R0 invalid mem access 'map_value_or_null'
# kernel-processed: 6
# kernel-version: 6.18.44
	.section xdp
	.map vals, type=hash, key=4, value=8, entries=16
	*(u32 *)(r10 - 4) = 0
	r1 = vals ll
	r2 = r10
	r2 += -4
	call bpf_map_lookup_elem
	r1 = *(u64 *)(r0 + 0)
out:
	r0 = 2
	exit
