# scenario: bpf_ct_release(0) with no lookup at all: rejected (Possibly NULL pointer passed to trusted arg0)
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 1
# kernel-error: Possibly NULL pointer passed to trusted arg0
# kernel-processed: 2
# kernel-version: 6.18.44
	.section xdp
	r1 = 0
	call bpf_ct_release
	r0 = 2
	exit
