# scenario: lookup with a never-written stack key without CAP_PERFMON: rejected
# profile: unprivileged
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 4
# kernel-error: invalid read from stack R2 off=-4 size=4
# kernel-processed: 4
# kernel-version: 6.18.44
	.section xdp
	.map vals, type=hash, key=4, value=8, entries=16
	r1 = vals ll
	r2 = r10
	r2 += -4
	call bpf_map_lookup_elem
out:
	r0 = 2
	exit
