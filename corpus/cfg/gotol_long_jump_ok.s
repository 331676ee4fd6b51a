# scenario: gotol (the 32-bit offset JA of cpu v4) over the else-block of an if: accepted
# kernel: accept
# kernel-processed: 7
# kernel-version: 6.18.44
	.section xdp
	r0 = 2
	r2 = *(u32 *)(r1 + 12)
	if r2 == 0 goto other
	gotol done
other:
	r0 = 1
done:
	exit
