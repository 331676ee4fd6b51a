/* Declarations for the conntrack (CT) kfunc examples, written for this project.
 *
 * Only what the examples use: the kfunc prototypes as nf_conntrack_bpf.c defines them, the
 * argument structs, and the two nf_conn fields the examples touch. nf_conn is declared with
 * preserve_access_index, so clang emits CO-RE field relocations and the loader (libbpf, or
 * verifier_model's ELF frontend) moves the field offsets to the running kernel's layout.
 */
#ifndef CT_EXAMPLES_H
#define CT_EXAMPLES_H

#include <linux/types.h>
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <linux/tcp.h>
#include <linux/pkt_cls.h>

#define SEC(name) __attribute__((section(name), used))
#define __ksym __attribute__((section(".ksyms")))
#undef __always_inline
#define __always_inline inline __attribute__((always_inline))
#define __noinline __attribute__((noinline))

/* BTF-defined maps (libbpf's __uint / __type) */
#define __uint(name, val) int (*name)[val]
#define __type(name, val) typeof(val) *name

#ifndef NULL
#define NULL ((void *)0)
#endif

/* helpers are called by number */
static void *(*bpf_map_lookup_elem)(void *map, const void *key) = (void *)BPF_FUNC_map_lookup_elem;

#define bpf_htons(x) __builtin_bswap16(x)
#define bpf_ntohs(x) __builtin_bswap16(x)

struct nf_conn {
	unsigned long status;
	__u32 mark;
} __attribute__((preserve_access_index));

/* what bpf_*_ct_alloc returns: writable until inserted */
struct nf_conn___init {
	struct nf_conn ct;
} __attribute__((preserve_access_index));

/* 6.18 layout (NF_BPF_CT_OPTS_SZ == 16) */
struct bpf_ct_opts {
	__s32 netns_id;
	__s32 error;
	__u8 l4proto;
	__u8 dir;
	__u16 ct_zone_id;
	__u8 ct_zone_dir;
	__u8 reserved[3];
};

enum { NF_BPF_CT_OPTS_SZ = 16 };
#define BPF_F_CURRENT_NETNS (-1)

/* enum ip_conntrack_status */
enum {
	IPS_EXPECTED = 1 << 0,
	IPS_SEEN_REPLY = 1 << 1,
	IPS_ASSURED = 1 << 2,
	IPS_CONFIRMED = 1 << 3,
};

extern struct nf_conn *bpf_xdp_ct_lookup(struct xdp_md *xdp_ctx, struct bpf_sock_tuple *bpf_tuple,
					 __u32 tuple__sz, struct bpf_ct_opts *opts, __u32 opts__sz) __ksym;
extern struct nf_conn *bpf_skb_ct_lookup(struct __sk_buff *skb_ctx, struct bpf_sock_tuple *bpf_tuple,
					 __u32 tuple__sz, struct bpf_ct_opts *opts, __u32 opts__sz) __ksym;
extern struct nf_conn___init *bpf_xdp_ct_alloc(struct xdp_md *xdp_ctx, struct bpf_sock_tuple *bpf_tuple,
					       __u32 tuple__sz, struct bpf_ct_opts *opts, __u32 opts__sz) __ksym;
extern struct nf_conn___init *bpf_skb_ct_alloc(struct __sk_buff *skb_ctx, struct bpf_sock_tuple *bpf_tuple,
					       __u32 tuple__sz, struct bpf_ct_opts *opts, __u32 opts__sz) __ksym;
extern struct nf_conn *bpf_ct_insert_entry(struct nf_conn___init *nfct_i) __ksym;
extern void bpf_ct_release(struct nf_conn *nfct) __ksym;
extern void bpf_ct_set_timeout(struct nf_conn___init *nfct, __u32 timeout) __ksym;
extern int bpf_ct_change_timeout(struct nf_conn *nfct, __u32 timeout) __ksym;
extern int bpf_ct_set_status(const struct nf_conn___init *nfct, __u32 status) __ksym;
extern int bpf_ct_change_status(struct nf_conn *nfct, __u32 status) __ksym;

/* Fill an IPv4 TCP tuple from an XDP or TC packet (data, data_end); 0 on success. */
static __always_inline int tcp4_tuple(void *data, void *data_end, struct bpf_sock_tuple *t,
				      struct tcphdr **tcp_out)
{
	struct ethhdr *eth = data;
	struct iphdr *iph = (void *)(eth + 1);
	struct tcphdr *tcp = (void *)(iph + 1);

	if ((void *)(tcp + 1) > data_end)
		return -1;
	if (eth->h_proto != bpf_htons(ETH_P_IP) || iph->ihl != 5 || iph->protocol != IPPROTO_TCP)
		return -1;
	t->ipv4.saddr = iph->saddr;
	t->ipv4.daddr = iph->daddr;
	t->ipv4.sport = tcp->source;
	t->ipv4.dport = tcp->dest;
	if (tcp_out)
		*tcp_out = tcp;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";

#endif
