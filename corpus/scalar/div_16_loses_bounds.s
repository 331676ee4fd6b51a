# scenario: offset = (x & 1023) / 16 is at most 63, but 6.18 forgets bounds on BPF_DIV: rejected (unbounded min value) (64-byte array value)
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 13
# kernel-error: math between map_value pointer and register with unbounded min value is not allowed
# kernel-processed: 13
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
	r1 &= 1023
	r1 /= 16
	r7 += r1
	r0 = *(u8 *)(r7 + 0)
out:
	r0 = 2
	exit
