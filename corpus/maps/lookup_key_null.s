# scenario: bpf_map_lookup_elem with key = NULL: rejected (R2 type=scalar expected=...)
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 3
# kernel-error: R2 type=scalar expected=fp, pkt, pkt_meta, map_key, map_value, mem, ringbuf_mem, buf, trusted_ptr_
# kernel-processed: 3
# kernel-version: 6.18.44
	.section xdp
	.map vals, type=hash, key=4, value=8, entries=16
	r1 = vals ll
	r2 = 0
	call bpf_map_lookup_elem
out:
	r0 = 2
	exit
