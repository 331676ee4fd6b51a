# scenario: bpf_map_lookup_elem with R1 = ctx instead of a map: rejected (R1 type=ctx expected=map_ptr)
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 3
# kernel-error: R1 type=ctx expected=map_ptr
# kernel-processed: 4
# kernel-version: 6.18.44
	.section xdp
	.map vals, type=hash, key=4, value=8, entries=16
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	call bpf_map_lookup_elem
out:
	r0 = 2
	exit
