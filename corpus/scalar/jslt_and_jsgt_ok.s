# scenario: if x s< 0 goto out; if x s> 63 goto out on an unknown u64: accepted (64-byte array value)
# kernel: accept
# kernel-processed: 20
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
	if r1 s< 0 goto out
	if r1 s> 63 goto out
	r7 += r1
	r0 = *(u8 *)(r7 + 0)
out:
	r0 = 2
	exit
