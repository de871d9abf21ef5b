// r: add a route; d on a route: delete it.
import {ip as ipaddr} from '../../model/ip-address.js';
import {segmentOf} from '../../model/segment.js';
import type {Link, Route, World} from '../../model/types.js';
import {checkDestination, checkGateway, findNs, parseDestination, parseIp} from '../../model/validate.js';
import {addRoutePlan, deleteRoutePlan} from '../../plans/route-plans.js';
import {errorsOf, text, type FormContext, type FormSpec} from './form-spec.js';
import {hostsOf} from './veth-defaults.js';

const ANY_DEVICE = '(any)';

/**
 * A gateway that would work on `links` (the device chosen as the form opens, else every one): an address a
 * neighbour holds on the same segment and subnet (a bridge, a veth's other end), else the subnet's first
 * host that is not this namespace's own. An example on a subnet no link has would be refused.
 */
export function gatewayHint(world: World, ns: string, links: readonly Link[]): string | undefined {
	for (const link of links) {
		const own = link.addresses.find((a) => a.family === 4 && a.scope === 'global');
		if (!own) continue;
		const inSubnet = (address: string): boolean => ipaddr.parse(address).kind() === 'ipv4' && ipaddr.parse(address).match(ipaddr.parse(own.local), own.prefixlen);
		const neighbours = segmentOf(world, [{ns, name: link.name}], ns)
			.filter((m) => m.ref.ns !== ns)
			.flatMap((m) => findNs(world, m.ref.ns)?.links.find((l) => l.ifindex === m.ref.ifindex)?.addresses ?? [])
			.filter((a) => a.family === 4 && inSubnet(a.local));
		const mine = new Set((findNs(world, ns)?.links ?? []).flatMap((l) => l.addresses.map((a) => a.local)));
		const gateway = neighbours[0]?.local ?? [...hostsOf(own.local, own.prefixlen, 256)].find((h) => !mine.has(h));
		if (gateway) return gateway;
	}
	return undefined;
}

/** r: a route in the selected namespace; opened on an interface (ctx.link), that interface is its device. */
export function routeForm(ctx: FormContext): FormSpec {
	const devices = (findNs(ctx.world, ctx.ns)?.links ?? []).filter((l) => l.kind !== 'loopback').map((l) => l.name);
	const preselected = ctx.link && devices.includes(ctx.link.name) ? ctx.link.name : ANY_DEVICE;
	const links = (findNs(ctx.world, ctx.ns)?.links ?? []).filter((l) => l.kind !== 'loopback' && (preselected === ANY_DEVICE || l.name === preselected));
	const gateway = gatewayHint(ctx.world, ctx.ns, links);
	return {
		title: `Add a route in ${ctx.ns}`,
		fields: [
			{id: 'dst', label: 'Destination', kind: 'text', placeholder: "'default' or 10.2.0.0/16"},
			{id: 'via', label: 'Via (gateway)', kind: 'text', placeholder: gateway ? `e.g. ${gateway} (optional with a device)` : 'optional with a device'},
			{id: 'dev', label: 'Device', kind: 'choice', options: [ANY_DEVICE, ...devices]},
		],
		initial: {dst: 'default', via: '', dev: preselected},
		validate(v, world) {
			const dst = parseDestination(text(v, 'dst'));
			const via = text(v, 'via');
			const dev = text(v, 'dev') === ANY_DEVICE ? '' : text(v, 'dev');
			const family = dst?.family ?? (via ? parseIp(via)?.family : undefined);
			const exists = dst && findNs(world, ctx.ns)?.routes.some((r) => r.table === 'main' && r.dst === dst.text && (family === undefined || r.family === family));
			return errorsOf({
				dst: checkDestination(text(v, 'dst')) ?? (exists ? `a route to ${dst?.text} exists already in ${ctx.ns}` : undefined),
				via: via ? checkGateway(world, ctx.ns, via, dev, dst?.family) : dev === '' ? 'a gateway, or a device below, is needed' : undefined,
			});
		},
		plan(v) {
			const dst = parseDestination(text(v, 'dst'));
			const via = text(v, 'via');
			const family = dst?.family ?? parseIp(via)?.family ?? 4;
			return addRoutePlan({ns: ctx.ns, dst: dst?.text ?? 'default', via, dev: text(v, 'dev') === ANY_DEVICE ? '' : text(v, 'dev'), family});
		},
	};
}

export function deleteRouteForm(ctx: FormContext, route: Route | undefined): FormSpec | string {
	if (!route) return `no route selected in ${ctx.ns}`;
	return {
		title: `Delete route ${route.dst} in ${ctx.ns}`,
		fields: [],
		initial: {},
		validate: () => ({}),
		plan: () => ({
			...deleteRoutePlan(ctx.ns, route),
			consequences: route.protocol === 'kernel' ? ['the kernel made this route for an address: it returns when the address is set again'] : undefined,
		}),
	};
}
