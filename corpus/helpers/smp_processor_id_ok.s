# scenario: bpf_get_smp_processor_id in XDP: accepted
# kernel: accept
# kernel-processed: 3
# kernel-version: 6.18.44
	.section xdp
	call bpf_get_smp_processor_id
out:
	r0 = 2
	exit
