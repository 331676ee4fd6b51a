# scenario: r1 >>= 26 on an unknown u64 (no 32-bit truncation): rejected (64-byte array value)
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 14
# kernel-error: R7 unbounded memory access, make sure to bounds check any such access
# kernel-processed: 14
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
	r1 >>= 26
	r7 += r1
	r0 = *(u8 *)(r7 + 0)
out:
	r0 = 2
	exit
