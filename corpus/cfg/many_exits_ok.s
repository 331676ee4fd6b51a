# scenario: four distinct exits chosen by the rx_queue_index value: accepted
# kernel: accept
# kernel-processed: 12
# kernel-version: 6.18.44
	.section xdp
	r2 = *(u32 *)(r1 + 16)
	if r2 == 0 goto a
	if r2 == 1 goto b
	if r2 == 2 goto c
	r0 = 3
	exit
a:
	r0 = 0
	exit
b:
	r0 = 1
	exit
c:
	r0 = 2
	exit
