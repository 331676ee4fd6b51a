// SPDX-License-Identifier: GPL-2.0
/* Bad: wrong opts size. The tuple and the opts live in a per-CPU scratch map value to save
 * stack; the opts size passed is the size of the whole scratch struct, so the kfunc would read
 * past the end of the map value. */
#include "ct.h"

struct scratch {
	struct bpf_sock_tuple tup;
	struct bpf_ct_opts opts;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__type(key, __u32);
	__type(value, struct scratch);
	__uint(max_entries, 1);
} scratch_map SEC(".maps");

SEC("xdp")
int ct_opts_size(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct nf_conn *ct;
	struct scratch *s;
	__u32 zero = 0;

	s = bpf_map_lookup_elem(&scratch_map, &zero);
	if (!s)
		return XDP_PASS;
	if (tcp4_tuple(data, data_end, &s->tup, NULL))
		return XDP_PASS;
	s->opts.netns_id = BPF_F_CURRENT_NETNS;
	s->opts.l4proto = IPPROTO_TCP;

	ct = bpf_xdp_ct_lookup(ctx, &s->tup, sizeof(s->tup.ipv4), &s->opts, sizeof(*s)); /* should be sizeof(s->opts) */
	if (!ct)
		return XDP_PASS;
	bpf_ct_release(ct);
	return XDP_PASS;
}
