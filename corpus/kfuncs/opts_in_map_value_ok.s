# scenario: opts is a 16-byte checked hash-map value, tuple on the stack: accepted
# kernel: accept
# kernel-processed: 29
# kernel-version: 6.18.44
	.section xdp
	.map optsmap, type=hash, key=4, value=16, entries=8
	r6 = r1
	*(u64 *)(r10 - 8) = 0
	*(u64 *)(r10 - 16) = 0
	*(u64 *)(r10 - 24) = 0
	*(u64 *)(r10 - 32) = 0
	*(u64 *)(r10 - 40) = 0
	*(u64 *)(r10 - 48) = 0
	*(u32 *)(r10 - 52) = 0
	r1 = optsmap ll
	r2 = r10
	r2 += -52
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r1 = r6
	r2 = r10
	r2 += -48
	r3 = 12
	r4 = r0
	r5 = 16
	call bpf_xdp_ct_lookup
	if r0 == 0 goto out
	r1 = r0
	call bpf_ct_release
out:
	r0 = 2
	exit
