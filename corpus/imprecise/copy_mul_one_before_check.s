# scenario: r2 = x * 1 is made before the bounds check on x; the check refines x but not r2 (the multiply dropped the link), and r2 == x is used as the offset: rejected although it is always <= 63
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 16
# kernel-error: R7 unbounded memory access, make sure to bounds check any such access
# kernel-processed: 16
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
	r2 = r1
	r2 *= 1
	if r1 > 63 goto out
	r1 = r2
	r7 += r1
	r0 = *(u8 *)(r7 + 0)
out:
	r0 = 2
	exit
