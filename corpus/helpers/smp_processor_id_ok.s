# scenario: bpf_get_smp_processor_id in XDP: accepted
	.section xdp
	call bpf_get_smp_processor_id
out:
	r0 = 2
	exit
