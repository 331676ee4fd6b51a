# scenario: ctx kept in r6 across bpf_get_prandom_u32 and read after it: accepted
# kernel: accept
# kernel-processed: 4
# kernel-version: 6.18.44
	.section xdp
	r6 = r1
	call bpf_get_prandom_u32
	r0 = *(u32 *)(r6 + 16)
	exit
