// Builds test/fixtures/rtnetlink/kinds-not-made-here.bin: the rtnetlink dump (RTM_NEWLINK and RTM_NEWADDR
// messages, as a kernel sends them) of the links in test/fixtures/kinds-not-made-here.json, the JSON ip
// prints for kinds a test kernel cannot make (bond, vlan, ipvlan, vrf, gre, gretap, geneve, dummy, team,
// wireguard). Byte by byte from the kernel's uapi layouts (linux/netlink.h, rtnetlink.h, if_link.h,
// if_tunnel.h, if_addr.h): the numbers below are theirs. The helper's decoder (nsdeck-netdump --decode)
// must give back what ip printed (test/system/netdump-decode.test.ts), and ip's own decoder reads the same
// bytes (`ip -d monitor file`, test/kernel/netdump.test.ts).
//
//   node scripts/rtnetlink-fixtures.mjs [OUT]   rewrite the .bin from the .json (or write OUT)
import {readFileSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures');
export const JSON_FIXTURE = join(fixtures, 'kinds-not-made-here.json');
export const DUMP_FIXTURE = join(fixtures, 'rtnetlink', 'kinds-not-made-here.bin');

// linux/rtnetlink.h, linux/netlink.h
const RTM_NEWLINK = 16;
const RTM_NEWADDR = 20;
const NLM_F_MULTI = 2;
// linux/if_link.h: IFLA_*, IFLA_INFO_*
const IFLA = {ADDRESS: 1, IFNAME: 3, MTU: 4, LINK: 5, MASTER: 10, OPERSTATE: 16, LINKINFO: 18};
const INFO = {KIND: 1, DATA: 2, SLAVE_KIND: 4};
// linux/if_addr.h
const IFA = {ADDRESS: 1, LOCAL: 2, LABEL: 3, FLAGS: 8};
const IFA_F_PERMANENT = 0x80;
// linux/if.h (net_device_flags), with ip's names
const FLAGS = {UP: 0x1, BROADCAST: 0x2, LOOPBACK: 0x8, POINTOPOINT: 0x10, RUNNING: 0x40, NOARP: 0x80, MASTER: 0x400, SLAVE: 0x800, MULTICAST: 0x1000, LOWER_UP: 0x10000};
// linux/if_arp.h, by ip's names (lib/ll_types.c)
const LINK_TYPES = {ether: 1, loopback: 772, gre: 778, none: 0xfffe};
// IF_OPER_* (linux/if.h), in order
const OPER_STATES = ['UNKNOWN', 'NOTPRESENT', 'DOWN', 'LOWERLAYERDOWN', 'TESTING', 'DORMANT', 'UP'];
const SCOPES = {global: 0, link: 253, host: 254};

const align4 = (n) => (n + 3) & ~3;

/** One attribute (struct rtattr: u16 length, u16 type, then the payload padded to 4 bytes). */
function attr(type, payload) {
	const out = Buffer.alloc(align4(4 + payload.length));
	out.writeUInt16LE(4 + payload.length, 0);
	out.writeUInt16LE(type, 2);
	payload.copy(out, 4);
	return out;
}

const nested = (type, ...attrs) => attr(type, Buffer.concat(attrs));
const u8 = (v) => Buffer.from([v]);
const u16 = (v) => Buffer.from(new Uint16Array([v]).buffer);
const u32 = (v) => Buffer.from(new Uint32Array([v]).buffer);
const be16 = (v) => Buffer.from([v >> 8, v & 0xff]);
const text = (s) => Buffer.concat([Buffer.from(s, 'utf8'), Buffer.from([0])]);
const ipv4 = (s) => Buffer.from(s.split('.').map(Number));
const mac = (s) => Buffer.from(s.split(':').map((b) => parseInt(b, 16)));

/** A message: struct nlmsghdr (u32 length, u16 type, u16 flags, u32 seq, u32 pid), then its body. */
function message(type, body) {
	const header = Buffer.alloc(16);
	header.writeUInt32LE(16 + body.length, 0);
	header.writeUInt16LE(type, 4);
	header.writeUInt16LE(NLM_F_MULTI, 6);
	return Buffer.concat([header, body]);
}

/** Each kind's IFLA_INFO_DATA from what ip printed of it: the attributes its print_opt reads. */
const KIND_DATA = {
	// IFLA_VLAN_ID 1 (u16), IFLA_VLAN_PROTOCOL 5 (be16)
	vlan: (d) => [attr(5, be16(d.protocol === '802.1ad' ? 0x88a8 : 0x8100)), attr(1, u16(d.id))],
	// IFLA_IPVLAN_MODE 1 (u16: l2 0, l3 1, l3s 2), IFLA_IPVLAN_FLAGS 2 (u16: private 1, vepa 2)
	ipvlan: (d) => [attr(1, u16(['l2', 'l3', 'l3s'].indexOf(d.mode))), attr(2, u16(d.private ? 1 : d.vepa ? 2 : 0))],
	// IFLA_BOND_MODE 1 (u8, ip's mode_tbl order), IFLA_BOND_MIIMON 3 (u32)
	bond: (d) => [attr(1, u8(['balance-rr', 'active-backup', 'balance-xor', 'broadcast', '802.3ad', 'balance-tlb', 'balance-alb'].indexOf(d.mode))), attr(3, u32(d.miimon))],
	// IFLA_VRF_TABLE 1 (u32)
	vrf: (d) => [attr(1, u32(d.table))],
	// IFLA_GRE_LINK 1 (u32 ifindex), IFLA_GRE_LOCAL 6, IFLA_GRE_REMOTE 7 (be32; 0 is any), IFLA_GRE_TTL 8 (u8),
	// IFLA_GRE_PMTUDISC 10 (u8)
	gre: (d, ifindexOf) => [
		...(d.link ? [attr(1, u32(ifindexOf(d.link)))] : []),
		attr(6, ipv4(d.local === 'any' ? '0.0.0.0' : d.local)),
		attr(7, ipv4(d.remote === 'any' ? '0.0.0.0' : d.remote)),
		attr(8, u8(d.ttl)),
		attr(10, u8(d.pmtudisc ? 1 : 0)),
	],
	// IFLA_GENEVE_ID 1 (u32), IFLA_GENEVE_REMOTE 2 (be32), IFLA_GENEVE_TTL 3 (u8), IFLA_GENEVE_PORT 5 (be16)
	geneve: (d) => [attr(1, u32(d.id)), attr(2, ipv4(d.remote)), attr(3, u8(d.ttl)), attr(5, be16(d.port))],
};
KIND_DATA.gretap = KIND_DATA.gre;

/** RTM_NEWLINK for one link as ip printed it: struct ifinfomsg (family, pad, u16 type, i32 index, u32 flags, u32 change). */
function linkMessage(link, ifindexOf) {
	const names = link.flags.filter((f) => f !== 'NO-CARRIER' && f !== 'M-DOWN');
	let flags = names.reduce((all, name) => all | FLAGS[name], 0);
	if (flags & FLAGS.UP && !link.flags.includes('NO-CARRIER')) flags |= FLAGS.RUNNING;
	const ifi = Buffer.alloc(16);
	ifi.writeUInt16LE(LINK_TYPES[link.link_type], 2);
	ifi.writeInt32LE(link.ifindex, 4);
	ifi.writeUInt32LE(flags >>> 0, 8);
	const info = link.linkinfo ?? {};
	const data = info.info_data && KIND_DATA[info.info_kind] ? KIND_DATA[info.info_kind](info.info_data, ifindexOf) : undefined;
	const attrs = [
		attr(IFLA.IFNAME, text(link.ifname)),
		attr(IFLA.MTU, u32(link.mtu)),
		...(link.link ? [attr(IFLA.LINK, u32(ifindexOf(link.link)))] : []),
		...(link.master ? [attr(IFLA.MASTER, u32(ifindexOf(link.master)))] : []),
		attr(IFLA.OPERSTATE, u8(OPER_STATES.indexOf(link.operstate))),
		...(link.address ? [attr(IFLA.ADDRESS, link.link_type === 'gre' ? ipv4(link.address) : mac(link.address))] : []),
		...(link.linkinfo
			? [
					nested(
						IFLA.LINKINFO,
						...(info.info_kind ? [attr(INFO.KIND, text(info.info_kind))] : []),
						...(data ? [nested(INFO.DATA, ...data)] : []),
						...(info.info_slave_kind ? [attr(INFO.SLAVE_KIND, text(info.info_slave_kind))] : []),
					),
				]
			: []),
	];
	return message(RTM_NEWLINK, Buffer.concat([ifi, ...attrs]));
}

/** RTM_NEWADDR for an IPv4 address: struct ifaddrmsg (family, prefixlen, flags, scope, u32 index). */
function addressMessage(link, address) {
	const ifa = Buffer.from([2 /* AF_INET */, address.prefixlen, IFA_F_PERMANENT, SCOPES[address.scope], 0, 0, 0, 0]);
	ifa.writeUInt32LE(link.ifindex, 4);
	const local = ipv4(address.local);
	return message(RTM_NEWADDR, Buffer.concat([ifa, attr(IFA.ADDRESS, local), attr(IFA.LOCAL, local), attr(IFA.LABEL, text(address.label)), attr(IFA.FLAGS, u32(IFA_F_PERMANENT))]));
}

/** The whole dump: every link, then every address, as the helper asks for them. */
export function encodeDump(links) {
	const ifindexOf = (name) => {
		const found = links.find((l) => l.ifname === name);
		if (!found) throw new Error(`no link named ${name}`);
		return found.ifindex;
	};
	const addresses = links.flatMap((link) => link.addr_info.map((a) => addressMessage(link, a)));
	return Buffer.concat([...links.map((link) => linkMessage(link, ifindexOf)), ...addresses]);
}

export const encodeFixture = () => encodeDump(JSON.parse(readFileSync(JSON_FIXTURE, 'utf8')));

if (process.argv[1] === fileURLToPath(import.meta.url)) writeFileSync(process.argv[2] ?? DUMP_FIXTURE, encodeFixture());
