# scenario: main plus 7 nested static calls (8 frames, the maximum): accepted
# kernel: accept
# kernel-processed: 23
# kernel-version: 6.18.44
	.section xdp
	call f1
	r0 = 2
	exit
f1:
	call f2
	r0 = 0
	exit
f2:
	call f3
	r0 = 0
	exit
f3:
	call f4
	r0 = 0
	exit
f4:
	call f5
	r0 = 0
	exit
f5:
	call f6
	r0 = 0
	exit
f6:
	call f7
	r0 = 0
	exit
f7:
	r0 = 0
	exit
