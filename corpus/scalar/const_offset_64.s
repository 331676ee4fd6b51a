# scenario: offset = 60 + 4 computed from constants is exactly 64: rejected (64-byte array value)
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 14
# kernel-error: invalid access to map value, value_size=64 off=64 size=1
# kernel-error: R7 min value is outside of the allowed memory range
# kernel-processed: 14
# kernel-version: 6.18.44
	.section xdp
	.map vals, type=array, key=4, value=64, entries=1
	r6 = r1
	r8 = *(u32 *)(r6 + 12)		# ingress_ifindex: unknown u32
	*(u32 *)(r10 - 4) = 0
	r1 = vals ll
	r2 = r10
	r2 += -4
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r7 = r0
	r1 = r8
	r1 = 60
	r1 += 4
	r7 += r1
	r0 = *(u8 *)(r7 + 0)
out:
	r0 = 2
	exit
