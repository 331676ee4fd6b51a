# scenario: a bounded loop whose last instruction is the backward goto; the exit is inside the loop: accepted
# kernel: accept
# kernel-processed: 22
# kernel-version: 6.18.44
	.section xdp
	r0 = 0
loop:
	if r0 > 5 goto done
	r0 += 1
	goto loop
done:
	r0 = 2
	exit
