# scenario: pass r3 to bpf_redirect then reuse r3 after the call: rejected (R3 !read_ok)
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 4
# kernel-error: R3 !read_ok
# kernel-processed: 5
# kernel-version: 6.18.44
	.section xdp
	r3 = 1
	r1 = 3
	r2 = 0
	call bpf_redirect
	r0 = r3
out:
	r0 = 2
	exit
