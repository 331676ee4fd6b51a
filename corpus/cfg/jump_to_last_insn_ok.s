# scenario: every branch converges on the final exit instruction: accepted
# kernel: accept
# kernel-processed: 6
# kernel-version: 6.18.44
	.section xdp
	r0 = 2
	r3 = *(u32 *)(r1 + 12)
	if r3 != 0 goto end
	r0 = 1
end:
	exit
