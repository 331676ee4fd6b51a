# scenario: while (x != 0) x++ with x an unknown u32: never provably ends; the walk hits 1M insns: rejected (BPF program is too large)
# kernel: reject
# kernel-errno: E2BIG
# kernel-insn: 1
# kernel-error: BPF program is too large. Processed 1000001 insn
# kernel-processed: 1000001
# kernel-version: 6.18.44
	.section xdp
	r1 = *(u32 *)(r1 + 12)
loop:
	r1 += 1
	if r1 != 0 goto loop
	r0 = 2
	exit
