// SPDX-License-Identifier: GPL-2.0
/* Synproxy-style fast path (good): TCP packets of flows conntrack already knows are passed,
 * everything else is dropped and counted. The reference from the lookup is released on every
 * path; the per-verdict counter lives in an array map, bumped by a global subprogram. */
#include "ct.h"

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, __u32);
	__type(value, __u64);
	__uint(max_entries, 4);
} verdicts SEC(".maps");

__noinline int count_verdict(__u32 idx)
{
	__u64 *n = bpf_map_lookup_elem(&verdicts, &idx);

	if (n)
		__sync_fetch_and_add(n, 1);
	return 0;
}

SEC("xdp")
int synproxy_established(struct xdp_md *ctx)
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
	if (!ct) {
		count_verdict(0);
		return XDP_DROP;
	}
	status = ct->status;
	bpf_ct_release(ct);
	if (status & IPS_CONFIRMED) {
		count_verdict(1);
		return XDP_PASS;
	}
	count_verdict(2);
	return XDP_DROP;
}
