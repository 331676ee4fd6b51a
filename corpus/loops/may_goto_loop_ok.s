# scenario: an open-ended loop guarded by may_goto (the kernel bounds it at run time): accepted
# kernel: accept
# kernel-processed: 14
# kernel-version: 6.18.44
	.section xdp
	r0 = 0
loop:
	may_goto done
	r0 += 1
	goto loop
done:
	exit
