# scenario: two bounded loops one after the other: compute_scc numbers the components in the order the DFS completes them, the later loop first (SCC 1), the earlier one second (SCC 2): accepted
# kernel: accept
# kernel-processed: 16
# kernel-version: 6.18.44
	.section xdp
	r1 = 0
l1:
	r1 += 1
	if r1 < 3 goto l1
	r2 = 0
l2:
	r2 += 1
	if r2 < 3 goto l2
	r0 = 2
	exit
