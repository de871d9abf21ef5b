// A world with every link kind this kernel makes, both families, several tables and route types, rules of
// every action, neighbours and an FDB entry: what the readers and `show --json` are held to ip on.
import {buildLabScenario, sh} from './sandbox.js';

/** The lab's bridge world plus what it lacks: IPv6, gateways, metrics, other tables and types, down links. */
export async function buildRichWorld(): Promise<void> {
	await buildLabScenario('bridge');
	const ip = (...args: string[]): Promise<string> => sh('ip', ...args);
	await ip('-n', 'ns1', 'addr', 'add', 'fd00:1::1/64', 'dev', 'veth_ns1');
	await ip('-n', 'ns1', 'addr', 'add', '10.1.1.11/24', 'dev', 'veth_ns1');
	await ip('-n', 'ns1', 'route', 'add', 'default', 'via', '10.1.1.4', 'metric', '50');
	await ip('-n', 'ns1', 'route', 'add', '10.50.0.0/16', 'via', '10.1.1.2', 'table', '100');
	await ip('-n', 'ns1', 'route', 'add', 'blackhole', '10.66.0.0/16');
	await ip('-n', 'ns1', 'route', 'add', '10.77.0.1', 'dev', 'veth_ns1', 'proto', 'static', 'src', '10.1.1.1');
	await ip('-n', 'ns1', '-6', 'route', 'add', 'fd99::/64', 'via', 'fd00:1::2', 'dev', 'veth_ns1');
	// A pair inside ns2 with one end down: the other end is NO-CARRIER, and M-DOWN (its link is down).
	await ip('-n', 'ns2', 'link', 'add', 'name', 'in_a', 'type', 'veth', 'peer', 'name', 'in_b');
	await ip('-n', 'ns2', 'link', 'set', 'dev', 'in_a', 'up');
	await ip('-n', 'ns2', 'addr', 'add', '::ffff:0:1/128', 'dev', 'in_a');
	await ip('-n', 'ns2', 'link', 'add', 'name', 'dum0', 'type', 'bridge');
	await ip('-n', 'ns2', 'link', 'set', 'dev', 'dum0', 'address', '02:00:00:00:00:0a', 'up');
	await ip('-n', 'ns2', 'addr', 'add', '2001:db8:0:0:1:0:0:1/64', 'dev', 'dum0');
	await ip('-n', 'ns2', 'route', 'add', 'unreachable', '10.88.0.0/16');
	await ip('-n', 'ns2', 'route', 'add', 'prohibit', '10.89.0.0/16', 'table', '200');
	// A name JSON must escape (a quote, a backslash) and one byte sequence beyond ASCII: Linux allows both.
	await ip('-n', 'ns2', 'link', 'add', 'name', 'q"\\é', 'type', 'bridge');
	// A namespace with nothing up at all.
	await ip('netns', 'add', 'bare');
	// Every other kind this kernel makes, stacked where they stack, and what ip -d says of them.
	await ip('-n', 'ns1', 'link', 'add', 'link', 'veth_ns1', 'name', 'mv0', 'type', 'macvlan', 'mode', 'bridge');
	await ip('-n', 'ns1', 'link', 'add', 'link', 'veth_ns1', 'name', 'mt0', 'type', 'macvtap', 'mode', 'vepa');
	await ip('-n', 'ns1', 'link', 'add', 'name', 'vx0', 'type', 'vxlan', 'id', '42', 'remote', '10.9.9.9', 'local', '10.1.1.1', 'dstport', '4789', 'dev', 'veth_ns1');
	await ip('-n', 'ns1', 'link', 'add', 'name', 'vx1', 'type', 'vxlan', 'id', '7', 'group', '239.1.1.1', 'dev', 'veth_ns1', 'dstport', '0');
	// IPv6 ends: ip names them remote6 and local6.
	await ip('-n', 'ns1', 'link', 'add', 'name', 'vx6', 'type', 'vxlan', 'id', '8', 'remote', 'fd00:9::9', 'local', 'fd00:1::1', 'dstport', '4789');
	await ip('-n', 'ns1', 'link', 'add', 'name', 'vx7', 'type', 'vxlan', 'id', '9', 'group', 'ff05::9', 'dev', 'veth_ns1', 'dstport', '4789');
	await ip('-n', 'ns1', 'tuntap', 'add', 'name', 'tap0', 'mode', 'tap');
	await ip('-n', 'ns1', 'tuntap', 'add', 'name', 'tun0', 'mode', 'tun');
	await ip('-n', 'ns1', 'link', 'add', 'name', 'ifb0', 'type', 'ifb');
	await ip('-n', 'ns1', 'link', 'property', 'add', 'dev', 'veth_ns1', 'altname', 'uplink0');
	// ECMP in both families, and an IPv4 route through an IPv6 gateway.
	await ip('-n', 'ns1', 'route', 'add', '10.5.0.0/16', 'nexthop', 'via', '10.1.1.2', 'dev', 'veth_ns1', 'weight', '2', 'nexthop', 'via', '10.1.1.4', 'dev', 'veth_ns1');
	await ip('-n', 'ns1', '-6', 'route', 'add', 'fd98::/64', 'nexthop', 'via', 'fd00:1::2', 'dev', 'veth_ns1', 'nexthop', 'via', 'fd00:1::3', 'dev', 'veth_ns1');
	await ip('-n', 'ns1', 'route', 'add', '10.6.0.0/16', 'via', 'inet6', 'fd00:1::2', 'dev', 'veth_ns1');
	// Policy rules of both families and of every action; neighbours of each state; a bridge's own FDB entry.
	await ip('-n', 'ns1', 'rule', 'add', 'from', '10.1.1.0/24', 'table', '100', 'pref', '100');
	await ip('-n', 'ns1', 'rule', 'add', 'to', '10.9.0.0/16', 'iif', 'veth_ns1', 'lookup', 'main', 'pref', '200');
	await ip('-n', 'ns1', 'rule', 'add', 'not', 'fwmark', '0x1/0xff', 'table', '200', 'pref', '300');
	await ip('-n', 'ns1', 'rule', 'add', 'blackhole', 'to', '10.66.0.0/16', 'pref', '400');
	await ip('-n', 'ns1', 'rule', 'add', 'oif', 'veth_ns1', 'goto', '600', 'pref', '500');
	await ip('-n', 'ns1', '-6', 'rule', 'add', 'from', 'fd00:1::/64', 'table', '100', 'pref', '100');
	await ip('-n', 'ns1', 'neigh', 'add', '10.1.1.9', 'lladdr', '02:00:00:00:00:09', 'dev', 'veth_ns1', 'nud', 'permanent');
	await ip('-n', 'ns1', 'neigh', 'add', '10.1.1.10', 'dev', 'veth_ns1', 'nud', 'failed');
	await ip('-n', 'ns1', 'neigh', 'add', 'fd00:1::9', 'lladdr', '02:00:00:00:00:0a', 'dev', 'veth_ns1', 'router');
	await sh('bridge', 'fdb', 'add', '02:00:00:00:00:aa', 'dev', 'veth_ns1_br0', 'master', 'static');
	await sh('nsenter', '--net=/run/netns/ns1', 'sh', '-c', 'echo 1 > /proc/sys/net/ipv4/ip_forward');
	// Every word of a route (issue 28): tos, a source prefix, nexthop objects and groups, metrics, onlink;
	// and a vxlan's own FDB entries with their remote ends.
	await ip('-n', 'ns1', 'route', 'add', '10.80.0.0/24', 'tos', '0x10', 'dev', 'veth_ns1');
	// A tos that /etc/iproute2/rt_dsfield names (AF11), which ip prints by that name.
	await ip('-n', 'ns1', 'route', 'add', '10.81.0.0/24', 'tos', '0x28', 'dev', 'veth_ns1');
	await ip('-n', 'ns1', '-6', 'route', 'add', 'fd97::/64', 'from', 'fd00:1::/64', 'dev', 'veth_ns1');
	await ip('-n', 'ns1', 'nexthop', 'add', 'id', '7', 'via', '10.1.1.2', 'dev', 'veth_ns1');
	await ip('-n', 'ns1', 'nexthop', 'add', 'id', '8', 'via', '10.1.1.4', 'dev', 'veth_ns1', 'proto', 'static');
	await ip('-n', 'ns1', 'nexthop', 'add', 'id', '9', 'group', '7,2/8');
	await ip('-n', 'ns1', 'route', 'add', '10.204.0.0/16', 'nhid', '7');
	await ip('-n', 'ns1', 'route', 'add', '10.205.0.0/16', 'nhid', '9');
	await ip('-n', 'ns1', 'route', 'add', '10.206.0.0/16', 'via', '10.9.6.1', 'dev', 'veth_ns1', 'onlink', 'mtu', '1400', 'advmss', '1360', 'rtt', '10ms', 'rttvar', '5ms', 'congctl', 'cubic');
	await sh('bridge', '-n', 'ns1', 'fdb', 'append', '00:00:00:00:00:00', 'dev', 'vx1', 'dst', '10.60.0.1', 'self');
	await sh('bridge', '-n', 'ns1', 'fdb', 'append', '00:00:00:00:00:00', 'dev', 'vx1', 'dst', '10.60.0.2', 'self', 'vni', '43', 'port', '4790', 'via', 'veth_ns1');
}
