# scenario: main's last instruction before the called subprogram is not exit/ja, so main would fall into it: rejected
	.section xdp
	call sub
	r0 = 2
sub:
	r0 = 0
	exit
