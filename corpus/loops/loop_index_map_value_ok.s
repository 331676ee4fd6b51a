# scenario: loop i = 0..63 reading value[i] of a 64-byte map value: accepted
# kernel: accept
# kernel-processed: 394
# kernel-version: 6.18.44
	.section xdp
	.map vals, type=array, key=4, value=64, entries=1
	*(u32 *)(r10 - 4) = 0
	r1 = vals ll
	r2 = r10
	r2 += -4
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r7 = r0
	r1 = 0
	r0 = 0
loop:
	r2 = r7
	r2 += r1
	r3 = *(u8 *)(r2 + 0)
	r0 += r3
	r1 += 1
	if r1 < 64 goto loop
	exit
out:
	r0 = 2
	exit
