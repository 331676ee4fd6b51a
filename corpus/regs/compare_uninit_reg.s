# scenario: if r4 > 0 with R4 never written: rejected (R4 !read_ok)
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 0
# kernel-error: R4 !read_ok
# kernel-processed: 1
# kernel-version: 6.18.44
	.section xdp
	if r4 > 0 goto out
out:
	r0 = 2
	exit
