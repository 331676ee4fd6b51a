# scenario: i = x & 0xff; end = i + 10 (copied before the loop); while (i != end) i++: always 10 iterations, but i and end are unrelated once i changes, so the exit is never proven: rejected (program too large)
# kernel: reject
# kernel-errno: E2BIG
# kernel-insn: 5
# kernel-error: BPF program is too large. Processed 1000001 insn
# kernel-processed: 1000001
# kernel-version: 6.18.44
	.section xdp
	r1 = *(u32 *)(r1 + 12)
	r1 &= 0xff
	r2 = r1
	r2 += 10
loop:
	r1 += 1
	if r1 != r2 goto loop
	r0 = 2
	exit
