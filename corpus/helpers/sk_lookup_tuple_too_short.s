# scenario: TC: bpf_sk_lookup_tcp with a 12-byte tuple read from fp-8: rejected (stack bounds)
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 6
# kernel-error: invalid read from stack R2 off=-8 size=12
# kernel-processed: 7
# kernel-version: 6.18.44
	.section tc
	*(u64 *)(r10 - 8) = 0
	r2 = r10
	r2 += -8
	r3 = 12
	r4 = -1
	r5 = 0
	call bpf_sk_lookup_tcp
	if r0 == 0 goto out
	r1 = r0
	call bpf_sk_release
out:
	r0 = 2
	exit
