// SPDX-License-Identifier: GPL-2.0
/* Bad: missing NULL check. The lookup returns NULL for unknown flows; the status is read
 * before anything checks for that. */
#include "ct.h"

SEC("xdp")
int ct_no_null_check(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct bpf_ct_opts opts = { .netns_id = BPF_F_CURRENT_NETNS, .l4proto = IPPROTO_TCP };
	struct bpf_sock_tuple tup = {};
	struct nf_conn *ct;
	unsigned long status;

	if (tcp4_tuple(data, data_end, &tup, NULL))
		return XDP_PASS;

	ct = bpf_xdp_ct_lookup(ctx, &tup, sizeof(tup.ipv4), &opts, sizeof(opts));
	status = ct->status; /* ct may be NULL */
	bpf_ct_release(ct);
	return (status & IPS_CONFIRMED) ? XDP_PASS : XDP_DROP;
}
