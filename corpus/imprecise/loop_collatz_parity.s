# scenario: i unknown; do { i = 3 * i + 1 } while (i & 1) ends after at most two rounds, but the multiply by a constant makes i fully unknown each round (parity lost), so the walk never converges: rejected (program too large)
# kernel: reject
# kernel-errno: E2BIG
# kernel-insn: 5
# kernel-error: BPF program is too large. Processed 1000001 insn
# kernel-processed: 1000001
# kernel-version: 6.18.44
	.section xdp
	r1 = *(u32 *)(r1 + 12)
loop:
	r1 *= 3
	r1 += 1
	r2 = r1
	r2 &= 1
	if r2 != 0 goto loop
	r0 = 2
	exit
