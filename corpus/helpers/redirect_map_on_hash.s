# scenario: bpf_redirect_map on a hash map: rejected (cannot pass map_type 1 into func bpf_redirect_map)
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 4
# kernel-error: cannot pass map_type 1 into func bpf_redirect_map#51
# kernel-processed: 4
# kernel-version: 6.18.44
	.section xdp
	.map hm, type=hash, key=4, value=4, entries=8
	r2 = 0
	r1 = hm ll
	r3 = 0
	call bpf_redirect_map
	exit
