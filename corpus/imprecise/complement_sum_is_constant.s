# scenario: offset = x + (63 - x) is always 63 (in bounds), but the verifier adds the intervals to [0, 126]: rejected
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 16
# kernel-error: invalid access to map value, value_size=64 off=126 size=1
# kernel-error: R7 max value is outside of the allowed memory range
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
	r1 &= 63
	r2 = 63
	r2 -= r1
	r1 += r2
	r7 += r1
	r0 = *(u8 *)(r7 + 0)
out:
	r0 = 2
	exit
