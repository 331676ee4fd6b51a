# scenario: bpf_map_update_elem with unknown flags (a scalar argument): accepted
# kernel: accept
# kernel-processed: 12
# kernel-version: 6.18.44
	.section xdp
	.map vals, type=hash, key=4, value=8, entries=16
	*(u32 *)(r10 - 4) = 1
	*(u64 *)(r10 - 16) = 7
	call bpf_get_prandom_u32
	r4 = r0
	r1 = vals ll
	r2 = r10
	r2 += -4
	r3 = r10
	r3 += -16
	call bpf_map_update_elem
out:
	r0 = 2
	exit
