# scenario: XDP calls bpf_get_current_comm (part of the base helper set on 6.18) with a 16-byte stack buffer: accepted
# kernel: accept
# kernel-processed: 6
# kernel-version: 6.18.44
	.section xdp
	r1 = r10
	r1 += -16
	r2 = 16
	call bpf_get_current_comm
out:
	r0 = 2
	exit
