// r: add a route; d on a route: delete it.
import type {Route} from '../../model/types.js';
import {checkDestination, checkGateway, findNs, parseDestination, parseIp} from '../../model/validate.js';
import {addRoutePlan, deleteRoutePlan} from '../../plans/route-plans.js';
import {errorsOf, text, type FormContext, type FormSpec} from './form-spec.js';

const ANY_DEVICE = '(any)';

/** r: a route in the selected namespace; opened on an interface (ctx.link), that interface is its device. */
export function routeForm(ctx: FormContext): FormSpec {
	const devices = (findNs(ctx.world, ctx.ns)?.links ?? []).filter((l) => l.kind !== 'loopback').map((l) => l.name);
	const preselected = ctx.link && devices.includes(ctx.link.name) ? ctx.link.name : ANY_DEVICE;
	return {
		title: `Add a route in ${ctx.ns}`,
		fields: [
			{id: 'dst', label: 'Destination', kind: 'text', placeholder: "'default' or 10.2.0.0/16"},
			{id: 'via', label: 'Via (gateway)', kind: 'text', placeholder: 'e.g. 10.1.1.4 (optional with a device)'},
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
