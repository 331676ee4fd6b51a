// SPDX-License-Identifier: GPL-2.0
/* Status change (good): mark flows seen in both directions as assured and extend their
 * timeout, from a TC ingress hook. */
#include "ct.h"

SEC("tcx/ingress")
int ct_assure(struct __sk_buff *skb)
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
	if (ct->status & IPS_SEEN_REPLY) {
		bpf_ct_change_status(ct, ct->status | IPS_ASSURED);
		bpf_ct_change_timeout(ct, 120000);
	}
	bpf_ct_release(ct);
	return TC_ACT_OK;
}
