# scenario: TC: bpf_skb_load_bytes with an unbounded length: rejected
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 4
# kernel-error: R4 invalid zero-sized read: u64=[0,4294967295]
# kernel-processed: 5
# kernel-version: 6.18.44
	.section tc
	r4 = *(u32 *)(r1 + 0)
	r2 = 0
	r3 = r10
	r3 += -64
	call bpf_skb_load_bytes
out:
	r0 = 2
	exit
