# scenario: at the join the explored r7 (precise, [0,4], no id) is met by r7 = r8 + 1 (linked to r8 with a delta, [1,4]): an old scalar without id relied on no link, so the join prunes: accepted
# kernel: accept
# kernel-processed: 17
# kernel-version: 6.18.44
	.section xdp
	call bpf_get_prandom_u32
	r8 = r0
	r8 &= 3
	call bpf_get_prandom_u32
	r9 = 1
	r9 += 1
	if r0 > 10 goto b
	r7 = r8
	r7 += 1
	r7 &= 7
	goto join
b:
	r7 = r8
	r7 += 1
join:
	if r7 > 5 goto bad
	r0 = 2
	exit
bad:
	r0 = 1
	exit
