# scenario: bpf_map_update_elem with a 64-byte value read from fp-8: rejected (invalid read from stack)
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 8
# kernel-error: invalid read from stack R3 off=-8 size=64
# kernel-processed: 8
# kernel-version: 6.18.44
	.section xdp
	.map big, type=hash, key=4, value=64, entries=4
	*(u32 *)(r10 - 4) = 1
	r1 = big ll
	r2 = r10
	r2 += -4
	r3 = r10
	r3 += -8
	r4 = 0
	call bpf_map_update_elem
out:
	r0 = 2
	exit
