# scenario: call 100000, a helper id that does not exist: rejected (invalid func unknown#100000)
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 0
# kernel-error: invalid func unknown#100000
# kernel-processed: 1
# kernel-version: 6.18.44
	.section xdp
	call 100000
out:
	r0 = 2
	exit
