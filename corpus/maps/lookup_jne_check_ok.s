# scenario: null check written as if r0 != 0 goto use: accepted
# kernel: accept
# kernel-processed: 11
# kernel-version: 6.18.44
	.section xdp
	.map vals, type=hash, key=4, value=8, entries=16
	*(u32 *)(r10 - 4) = 0
	r1 = vals ll
	r2 = r10
	r2 += -4
	call bpf_map_lookup_elem
	if r0 != 0 goto use
	goto out
use:
	r1 = *(u32 *)(r0 + 4)
out:
	r0 = 2
	exit
