# scenario: r6-r9 keep their values across bpf_get_prandom_u32: accepted
# kernel: accept
# kernel-processed: 10
# kernel-version: 6.18.44
	.section xdp
	r6 = 1
	r7 = 2
	r8 = 3
	r9 = r1
	call bpf_get_prandom_u32
	r0 = r6
	r0 += r7
	r0 += r8
	r1 = r9
	exit
