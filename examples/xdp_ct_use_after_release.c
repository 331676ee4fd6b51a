// SPDX-License-Identifier: GPL-2.0
/* Bad: use after release. The mark is read after the reference was given back. */
#include "ct.h"

SEC("xdp")
int ct_use_after_release(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct bpf_ct_opts opts = { .netns_id = BPF_F_CURRENT_NETNS, .l4proto = IPPROTO_TCP };
	struct bpf_sock_tuple tup = {};
	struct nf_conn *ct;

	if (tcp4_tuple(data, data_end, &tup, NULL))
		return XDP_PASS;

	ct = bpf_xdp_ct_lookup(ctx, &tup, sizeof(tup.ipv4), &opts, sizeof(opts));
	if (!ct)
		return XDP_PASS;
	bpf_ct_release(ct);
	if (ct->mark == 42) /* ct was released */
		return XDP_DROP;
	return XDP_PASS;
}
