# scenario: bpf_loop callback returns 5: callbacks must return 0 or 1: rejected
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 9
# kernel-error: At callback return the register R0 has smin=5 smax=5 should have been in [0, 1]
# kernel-processed: 9
# kernel-version: 6.18.44
	.section xdp
	r1 = 3
	r2 = cb ll
	r3 = 0
	r4 = 0
	call bpf_loop
	r0 = 2
	exit
cb:
	r0 = 5
	exit
