# scenario: bpf_map_lookup_elem on a prog_array map: rejected (cannot pass map_type 3 into func)
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 5
# kernel-error: cannot pass map_type 3 into func bpf_map_lookup_elem#1
# kernel-processed: 5
# kernel-version: 6.18.44
	.section xdp
	.map progs, type=prog_array, key=4, value=4, entries=4
	*(u32 *)(r10 - 4) = 0
	r1 = progs ll
	r2 = r10
	r2 += -4
	call bpf_map_lookup_elem
out:
	r0 = 2
	exit
