# scenario: store the ctx pointer into a map value without CAP_PERFMON: rejected (leaks addr into map)
# profile: unprivileged
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 8
# kernel-error: R6 leaks addr into map
# kernel-processed: 8
# kernel-version: 6.18.44
	.section xdp
	.map vals, type=hash, key=4, value=8, entries=16
	r6 = r1
	*(u32 *)(r10 - 4) = 0
	r1 = vals ll
	r2 = r10
	r2 += -4
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	*(u64 *)(r0 + 0) = r6
out:
	r0 = 2
	exit
