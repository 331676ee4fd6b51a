# scenario: offset = min(x & 127, 63) computed branch-free (m = -(a < 64) via arsh of (a - 64)); always <= 63, but the bit trick is opaque to interval/tnum tracking: rejected
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 22
# kernel-error: invalid access to map value, value_size=64 off=127 size=1
# kernel-error: R7 max value is outside of the allowed memory range
# kernel-processed: 22
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
	r1 &= 127
	r2 = r1
	r2 -= 64
	r2 s>>= 63
	r3 = r1
	r3 &= r2
	r2 ^= -1
	r2 &= 63
	r3 |= r2
	r1 = r3
	r7 += r1
	r0 = *(u8 *)(r7 + 0)
out:
	r0 = 2
	exit
