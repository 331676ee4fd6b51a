# scenario: (fuzz seed 204 --unprivileged --mutate 4, the later 6.18.44 build) a 4-byte store of an
# scenario: immediate spills into half of fp-64; a 12-byte helper read from fp-64 fails at the first byte
# scenario: of the slot that is not spilled: off -64+4 (the first build said +8)
# profile: unprivileged
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 12
# kernel-error: invalid read from stack R4 off -64+4 size 12
# kernel-error: arg#3 arg#4 memory, len pair leads to invalid memory access
# kernel-processed: 13
# kernel-version: 6.18.44
	.section xdp
	r6 = r1
	r1 = 0
	*(u64 *)(r10 - 40) = r1
	*(u64 *)(r10 - 48) = r1
	r4 = r10
	*(u32 *)(r10 - 64) = -1
	r1 = r6
	r2 = r10
	r2 += -48
	r3 = 12
	r4 += -64
	r5 = 12
	call bpf_xdp_ct_lookup
	exit
