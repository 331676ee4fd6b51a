# scenario: every branch converges on the final exit instruction: accepted
	.section xdp
	r0 = 2
	r3 = *(u32 *)(r1 + 12)
	if r3 != 0 goto end
	r0 = 1
end:
	exit
