# scenario: bpf_ct_release(0) with no lookup at all: rejected (Possibly NULL pointer passed to trusted arg0)
	.section xdp
	r1 = 0
	call bpf_ct_release
	r0 = 2
	exit
