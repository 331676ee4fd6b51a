# scenario: loop i = 0..64 (inclusive) reading value[i]: the last iteration reads byte 64: rejected
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 12
# kernel-error: invalid access to map value, value_size=64 off=64 size=1
# kernel-error: R2 min value is outside of the allowed memory range
# kernel-processed: 396
# kernel-version: 6.18.44
	.section xdp
	.map vals, type=array, key=4, value=64, entries=1
	*(u32 *)(r10 - 4) = 0
	r1 = vals ll
	r2 = r10
	r2 += -4
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r7 = r0
	r1 = 0
	r0 = 0
loop:
	r2 = r7
	r2 += r1
	r3 = *(u8 *)(r2 + 0)
	r0 += r3
	r1 += 1
	if r1 <= 64 goto loop
	exit
out:
	r0 = 2
	exit
