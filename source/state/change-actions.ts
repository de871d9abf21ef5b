// What each change key does with the current selection: open a form (every change is shown before it
// runs, Space included), or say why not (a message). Pure apart from the forwarding read, which is async.
import {HOST_ID} from '../model/types.js';
import type {BindingId} from '../keymap.js';
import type {Plan} from '../plans/plan.js';
import {togglePlan} from '../plans/link-plans.js';
import type {System} from '../system/system.js';
import {confirmForm, type FormContext, type FormSpec} from '../plans/forms/form-spec.js';
import {addressForm, bridgeForm, connectForm, deleteLinkForm, moveForm, vethForm} from '../plans/forms/link-forms.js';
import {deleteNamespaceForm, forwardingForm, newNamespaceForm} from '../plans/forms/namespace-forms.js';
import {deleteRouteForm, routeForm} from '../plans/forms/route-forms.js';
import type {AppState} from './app-state.js';
import {currentNs, peerOf, selectedLink, selectedRoute} from './selectors.js';

export type ChangeOutcome = {readonly form: FormSpec} | {readonly plan: Plan} | {readonly message: string};

export const CHANGE_BINDINGS: ReadonlySet<BindingId> = new Set<BindingId>([
	'newNamespace',
	'deleteNamespace',
	'forwarding',
	'veth',
	'bridge',
	'connect',
	'move',
	'address',
	'toggleUp',
	'deleteInterface',
	'addRoute',
	'deleteRoute',
]);

const asOutcome = (spec: FormSpec | string): ChangeOutcome => (typeof spec === 'string' ? {message: spec} : {form: spec});

/** Synchronous where it can be, so a form is on screen before the next key arrives. */
export function changeFor(id: BindingId, state: AppState, system: System): ChangeOutcome | Promise<ChangeOutcome> | undefined {
	const world = state.world;
	const ns = currentNs(state);
	if (!world || !ns) return {message: 'still reading the world'};
	const ctx: FormContext = {world, ns: ns.id, link: selectedLink(state)};
	switch (id) {
		case 'newNamespace':
			return {form: newNamespaceForm()};
		case 'deleteNamespace':
			return ns.id === HOST_ID ? {message: "the host's own namespace cannot be deleted"} : {form: deleteNamespaceForm(ctx)};
		case 'forwarding':
			return system.readForwarding(ns.id).then((current) => ({form: forwardingForm(ctx, current)}));
		case 'veth':
			return {form: vethForm(ctx)};
		case 'bridge':
			return {form: bridgeForm(ctx)};
		case 'connect':
			return asOutcome(connectForm(ctx));
		case 'move':
			return asOutcome(moveForm(ctx));
		case 'address':
			return asOutcome(addressForm(ctx));
		case 'deleteInterface': {
			const peer = ctx.link && peerOf(state, ns, ctx.link);
			return asOutcome(deleteLinkForm(ctx, peer));
		}
		case 'addRoute':
			return {form: routeForm(ctx)};
		case 'deleteRoute':
			return asOutcome(deleteRouteForm(ctx, selectedRoute(state)));
		case 'toggleUp': {
			if (!ctx.link) return {message: `no interface selected in ${ns.id}`};
			const plan = togglePlan(ns.id, ctx.link.name, !ctx.link.adminUp, ctx.link.addresses.filter((a) => a.family === 6 && a.scope === 'global').map((a) => a.cidr));
			// Like every change, shown before it runs: setting down is one key from cutting off an SSH session.
			return {form: confirmForm(plan)};
		}
		default:
			return undefined;
	}
}
