# scenario: dereference r0 on the NULL branch (known 0): rejected (invalid mem access 'scalar')
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 7
# kernel-error: R0 invalid mem access 'scalar'
# kernel-processed: 7
# kernel-version: 6.18.44
	.section xdp
	.map vals, type=hash, key=4, value=8, entries=16
	*(u32 *)(r10 - 4) = 0
	r1 = vals ll
	r2 = r10
	r2 += -4
	call bpf_map_lookup_elem
	if r0 != 0 goto out
	r1 = *(u32 *)(r0 + 0)
out:
	r0 = 2
	exit
