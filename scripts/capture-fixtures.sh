#!/usr/bin/env bash
# Captures real `ip -j -d -b` output of the lab's worlds into test/fixtures/, for the parser and topology
# tests. Runs itself inside a private sandbox (user + net + mount namespaces), so the host is untouched:
#   bash scripts/capture-fixtures.sh            # every world
#   bash scripts/capture-fixtures.sh pair       # only the named worlds (bridge, hostpair, pair)
set -euo pipefail
out="$(cd "$(dirname "$0")/.." && pwd)/test/fixtures"
if [ "${NSDECK_SANDBOX:-}" != 1 ]; then
	exec env NSDECK_SANDBOX=1 unshare --user --map-root-user --net --mount --propagation private -- bash "$0" "$@"
fi
mkdir -p "$out"
if [ -d /run/netns ]; then mount -t tmpfs nsdeck-fx /run/netns; else mount -t tmpfs nsdeck-fx /run; mkdir /run/netns; fi
ip link set lo up

read_all() { # $1: world name; one file per namespace, exactly what snapshot.ts reads
	local world=$1 ns
	printf 'addr\nroute show table all\nrule show\nneigh show\nnetns list-id\n' | ip -j -d -b - > "$out/$world.host.txt"
	for ns in $(ip netns list | cut -d' ' -f1); do
		printf 'addr\nroute show table all\nrule show\nneigh show\nnetns list-id\n' | nsenter --net="/run/netns/$ns" ip -j -d -b - > "$out/$world.$ns.txt"
	done
}
reset() {
	for ns in $(ip netns list | cut -d' ' -f1); do ip netns del "$ns"; done
	ip link del br0 2>/dev/null || true
	ip link del pair-host 2>/dev/null || true
}

# bridge: the seed tutorial, plus a veth whose two ends are both in ns1 and IPv6 with a gateway route.
world_bridge() {
ip netns add ns1; ip netns add ns2
ip link add br0 type bridge; ip link set br0 up
ip link add veth_ns1 type veth peer name veth_ns1_br0
ip link add veth_ns2 type veth peer name veth_ns2_br0
ip link set veth_ns1 netns ns1; ip link set veth_ns1_br0 master br0
ip link set veth_ns2 netns ns2; ip link set veth_ns2_br0 master br0
ip -n ns1 link set lo up; ip -n ns2 link set lo up
ip -n ns1 link set veth_ns1 up; ip link set veth_ns1_br0 up
ip -n ns2 link set veth_ns2 up; ip link set veth_ns2_br0 up
ip -n ns1 addr add 10.1.1.1/24 dev veth_ns1; ip -n ns2 addr add 10.1.1.2/24 dev veth_ns2
ip addr add 10.1.1.4/24 dev br0
ip -n ns1 route add default via 10.1.1.4
ip -n ns1 link add loop_a type veth peer name loop_b
ip -n ns1 addr add fd00::1/64 dev loop_a
ip -n ns1 link set loop_a up
ip -n ns1 route add fd01::/64 via fd00::2
sleep 0.5
read_all bridge
reset
}

# hostpair: a namespace joined to the host by a veth pair (the host end in the host), and one left down.
world_hostpair() {
ip netns add test
ip link add pair-test type veth peer name pair-host
ip link set pair-test netns test
ip -n test addr add 10.0.0.1/24 dev pair-test
ip addr add 10.0.0.2/24 dev pair-host
ip -n test link set pair-test up
sleep 0.5
read_all hostpair
reset
}

# pair: exactly the lab's `pair` scenario (client and server joined by a veth pair).
world_pair() {
ip netns add client; ip netns add server
ip link add pair-server type veth peer name pair-client
ip link set pair-server netns server; ip link set pair-client netns client
ip -n client link set lo up; ip -n server link set lo up
ip -n client addr add 10.0.0.1/24 dev pair-client; ip -n server addr add 10.0.0.2/24 dev pair-server
ip -n client link set pair-client up; ip -n server link set pair-server up
sleep 0.5
read_all pair
reset
}

for world in "${@:-bridge hostpair pair}"; do
	for w in $world; do "world_$w"; done
done
echo "fixtures written to $out"
