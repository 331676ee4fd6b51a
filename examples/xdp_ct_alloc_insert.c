// SPDX-License-Identifier: GPL-2.0
/* Allocate and insert a conntrack entry for new flows (good): lookup first; if the flow is
 * unknown, allocate an entry, give it a timeout and a status, insert it and release what
 * insert returns. The opts are filled by a static (non-inlined) subprogram in .text. */
#include "ct.h"

static __noinline void init_opts(struct bpf_ct_opts *opts)
{
	opts->netns_id = BPF_F_CURRENT_NETNS;
	opts->error = 0;
	opts->l4proto = IPPROTO_TCP;
	opts->dir = 0;
	opts->ct_zone_id = 0;
	opts->ct_zone_dir = 0;
}

SEC("xdp")
int ct_alloc_insert(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct bpf_ct_opts opts = {};
	struct bpf_sock_tuple tup = {};
	struct nf_conn___init *ct_new;
	struct nf_conn *ct;

	if (tcp4_tuple(data, data_end, &tup, NULL))
		return XDP_PASS;
	init_opts(&opts);

	ct = bpf_xdp_ct_lookup(ctx, &tup, sizeof(tup.ipv4), &opts, sizeof(opts));
	if (ct) {
		bpf_ct_release(ct);
		return XDP_PASS;
	}

	ct_new = bpf_xdp_ct_alloc(ctx, &tup, sizeof(tup.ipv4), &opts, sizeof(opts));
	if (!ct_new)
		return XDP_PASS;
	bpf_ct_set_timeout(ct_new, 30000);
	bpf_ct_set_status(ct_new, IPS_CONFIRMED);
	ct = bpf_ct_insert_entry(ct_new);
	if (ct)
		bpf_ct_release(ct);
	return XDP_PASS;
}
