# scenario: lookup in a per-CPU array map, check and read: accepted
# kernel: accept
# kernel-processed: 9
# kernel-version: 6.18.44
	.section xdp
	.map pc, type=percpu_array, key=4, value=16, entries=1
	*(u32 *)(r10 - 4) = 0
	r1 = pc ll
	r2 = r10
	r2 += -4
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r1 = *(u32 *)(r0 + 12)
out:
	r0 = 2
	exit
