# scenario: main's last instruction before the called subprogram is not exit/ja, so main would fall into it: rejected
# kernel: reject
# kernel-errno: EINVAL
# kernel-error: last insn is not an exit or jmp
# kernel-processed: 0
# kernel-version: 6.18.44
	.section xdp
	call sub
	r0 = 2
sub:
	r0 = 0
	exit
