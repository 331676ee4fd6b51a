# scenario: if w1 > 63 goto out on an unknown u64: the upper half stays unknown: rejected (64-byte array value)
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 13
# kernel-error: math between map_value pointer and register with unbounded min value is not allowed
# kernel-processed: 13
# kernel-version: 6.18.44
	.section xdp
	.map vals, type=array, key=4, value=64, entries=1
	r6 = r1
	call bpf_ktime_get_ns
	r8 = r0			# unknown u64
	*(u32 *)(r10 - 4) = 0
	r1 = vals ll
	r2 = r10
	r2 += -4
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r7 = r0
	r1 = r8
	if w1 > 63 goto out
	r7 += r1
	r0 = *(u8 *)(r7 + 0)
out:
	r0 = 2
	exit
