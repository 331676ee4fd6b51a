# scenario: bpf_redirect_map on a devmap with an unknown key: accepted
# kernel: accept
# kernel-processed: 5
# kernel-version: 6.18.44
	.section xdp
	.map tx, type=devmap, key=4, value=4, entries=8
	r2 = *(u32 *)(r1 + 16)
	r1 = tx ll
	r3 = 0
	call bpf_redirect_map
	exit
