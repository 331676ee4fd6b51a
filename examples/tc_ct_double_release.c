// SPDX-License-Identifier: GPL-2.0
/* Bad: double release. The "unreplied" branch releases the entry and then falls into the
 * common release at the end. */
#include "ct.h"

SEC("tc")
int ct_double_release(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct bpf_ct_opts opts = { .netns_id = BPF_F_CURRENT_NETNS, .l4proto = IPPROTO_TCP };
	struct bpf_sock_tuple tup = {};
	struct nf_conn *ct;
	int verdict = TC_ACT_OK;

	if (tcp4_tuple(data, data_end, &tup, NULL))
		return TC_ACT_OK;

	ct = bpf_skb_ct_lookup(skb, &tup, sizeof(tup.ipv4), &opts, sizeof(opts));
	if (!ct)
		return TC_ACT_OK;
	if (!(ct->status & IPS_SEEN_REPLY)) {
		bpf_ct_release(ct);
		verdict = TC_ACT_SHOT;
	}
	bpf_ct_release(ct); /* second release on the unreplied path */
	return verdict;
}
