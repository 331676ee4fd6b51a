# scenario: atomic add into a slot holding a spilled ctx pointer (privileged; the slot content becomes unknown): accepted
# kernel: accept
# kernel-processed: 5
# kernel-version: 6.18.44
	.section xdp
	*(u64 *)(r10 - 8) = r1
	r2 = 1
	lock *(u64 *)(r10 - 8) += r2
	r0 = 2
	exit
