# scenario: may_goto loop spilling a value each round
# kernel: accept
# kernel-processed: 24
# kernel-version: 6.18.44
	.section xdp
	r1 = 0
loop:
	*(u64 *)(r10 - 8) = r1
	may_goto out
	r1 = *(u64 *)(r10 - 8)
	r1 += 1
	goto loop
out:
	r0 = 2
	exit
