# scenario: main uses 256 bytes of stack and calls a subprogram using 264: combined stack over 512 bytes: rejected
# kernel: reject
# kernel-errno: EACCES
# kernel-error: combined stack size of 2 calls is 528. Too large
# kernel-processed: 7
# kernel-version: 6.18.44
	.section xdp
	*(u64 *)(r10 - 256) = 0
	call big
	r0 = 2
	exit
big:
	*(u64 *)(r10 - 264) = 0
	r0 = 0
	exit
