# scenario: w1 = w1 on an unknown u64 then >> 26: zero-extension keeps it within [0, 63]: accepted (64-byte array value)
# kernel: accept
# kernel-processed: 17
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
	w1 = w1
	r1 >>= 26
	r7 += r1
	r0 = *(u8 *)(r7 + 0)
out:
	r0 = 2
	exit
