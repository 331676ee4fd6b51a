// SPDX-License-Identifier: GPL-2.0
/* Conntrack mark copying (good): a TC program that saves the packet mark into the connection
 * the first time and restores it onto later packets of that connection (CONNMARK-like). */
#include "ct.h"

SEC("tc")
int ct_mark_copy(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct bpf_ct_opts opts = { .netns_id = BPF_F_CURRENT_NETNS, .l4proto = IPPROTO_TCP };
	struct bpf_sock_tuple tup = {};
	struct nf_conn *ct;

	if (tcp4_tuple(data, data_end, &tup, NULL))
		return TC_ACT_OK;

	ct = bpf_skb_ct_lookup(skb, &tup, sizeof(tup.ipv4), &opts, sizeof(opts));
	if (!ct)
		return TC_ACT_OK;
	if (ct->mark == 0)
		ct->mark = skb->mark;
	else
		skb->mark = ct->mark;
	bpf_ct_release(ct);
	return TC_ACT_OK;
}
