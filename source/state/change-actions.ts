// What each change key does with the current selection: open a form (every change is shown before it
// runs, Space included), or say why not (a message). Pure apart from the forwarding read, which is async.
import {shown} from '../model/display.js';
import {nsDisplayName} from '../model/netns-id.js';
import {formatRoute} from '../model/format.js';
import {isRawName, NOT_UTF8} from '../model/raw-names.js';
import type {Netns} from '../model/types.js';
import type {BindingId} from './keys/keymap.js';
import type {Plan} from '../plans/plan.js';
import {togglePlan} from '../plans/link-plans.js';
import type {System} from '../system/system.js';
import {confirmForm, type FormContext, type FormSpec} from '../plans/forms/form-spec.js';
import {addressForm, bridgeForm, connectForm, deleteLinkForm, detachForm, moveForm, vethForm} from '../plans/forms/link-forms.js';
import {attachForm, deleteNamespaceForm, forwardingForm, newNamespaceForm} from '../plans/forms/namespace-forms.js';
import {deleteRouteForm, routeForm} from '../plans/forms/route-forms.js';
import {editLinkForm, stackedDeviceForm} from '../plans/forms/device-forms.js';
import {shapingForm} from '../plans/forms/shaping-form.js';
import {applyFileForm} from '../plans/forms/world-file-forms.js';
import {MADE_KINDS} from '../model/world-file/types.js';
import type {AppState} from './app-state.js';
import {currentNs, noNamespaceText, peerOf, selectedLink, selectedRoute} from './selectors.js';

export type ChangeOutcome = {readonly form: FormSpec} | {readonly plan: Plan} | {readonly message: string};

/** Only `ip netns` names can be deleted; the others go when what holds them does, which nsdeck leaves alone. */
function notDeletable(ns: Netns): string {
	if (ns.kind === 'host') return "the host's own namespace cannot be deleted";
	const holder = ns.label?.main ? ` (${ns.label.main.command}, PID ${ns.label.main.pid})` : '';
	return ns.kind === 'mounted'
		? `${ns.path} is not an ip netns name: it goes when it is unmounted and its processes${holder} exit`
		: `${nsDisplayName(ns.id)} lives as long as its processes${holder}: nsdeck does not kill them`;
}

const asOutcome = (spec: FormSpec | string): ChangeOutcome => (typeof spec === 'string' ? {message: spec} : {form: spec});

interface ChangeInput {
	readonly state: AppState;
	readonly system: System;
	readonly ns: Netns;
	readonly ctx: FormContext;
}

/** What each change key does, by binding id (keymap.ts marks these rows `changes`). */
const CHANGES: Partial<Record<BindingId, (input: ChangeInput) => ChangeOutcome | Promise<ChangeOutcome>>> = {
	newNamespace: () => ({form: newNamespaceForm()}),
	deleteNamespace: ({ns, ctx}) => (ns.kind === 'named' ? {form: deleteNamespaceForm(ctx)} : {message: notDeletable(ns)}),
	attach: ({ns, ctx}) => {
		if (ns.kind === 'host' || ns.kind === 'named') return {message: `${nsDisplayName(ns.id)} has a name already`};
		const pid = ns.label?.main?.pid;
		return pid === undefined ? {message: `no process lives in ${nsDisplayName(ns.id)}: ip netns attach needs one`} : {form: attachForm(ctx, pid)};
	},
	forwarding: ({ns, ctx, system}) => {
		// A dry run's planned forwarding wins over the kernel's; a planned namespace has no kernel to ask.
		const planned = ns.planned ? ns.forwarding : undefined;
		if (planned?.[4] !== undefined && planned[6] !== undefined) return {form: forwardingForm(ctx, {4: planned[4], 6: planned[6]})};
		return system.readForwarding(ns.id).then((current) => ({form: forwardingForm(ctx, {4: planned?.[4] ?? current[4], 6: planned?.[6] ?? current[6]})}));
	},
	veth: ({ctx}) => ({form: vethForm(ctx)}),
	// The kinds a file may ask for, asked of the kernel once per run as the form opens: the form is checked as it is typed.
	applyFile: async ({system}) => ({form: applyFileForm(await system.cannotMake?.(MADE_KINDS))}),
	bridge: ({ctx}) => ({form: bridgeForm(ctx)}),
	connect: ({ctx}) => asOutcome(connectForm(ctx)),
	detach: ({ctx}) => asOutcome(detachForm(ctx)),
	move: ({ctx}) => asOutcome(moveForm(ctx)),
	address: ({ctx}) => asOutcome(addressForm(ctx)),
	deleteInterface: ({state, ns, ctx}) => asOutcome(deleteLinkForm(ctx, ctx.link && peerOf(state, ns, ctx.link))),
	// From the interfaces pane the selected interface is the route's device; from the routes pane, none.
	addRoute: ({state, ctx}) => ({form: routeForm(state.focus === 'interfaces' ? ctx : {...ctx, link: undefined})}),
	editInterface: ({ctx}) => asOutcome(editLinkForm(ctx)),
	stackDevice: ({ctx}) => asOutcome(stackedDeviceForm(ctx)),
	deleteRoute: ({state, ctx}) => asOutcome(deleteRouteForm(ctx, selectedRoute(state))),
	shape: ({ns, ctx, system}) => {
		const link = ctx.link;
		if (!link) return {message: `no interface selected in ${ns.id}`};
		// Its qdiscs now, so that undo can set back what shaping replaces; not read (a fake, a dry run's planned namespace): undo deletes.
		if (!system.readQdiscs || ns.planned) return asOutcome(shapingForm(ctx, undefined));
		return system.readQdiscs(ns.id).then((all) => asOutcome(shapingForm(ctx, all?.filter((q) => q.dev === link.name))));
	},
	toggleUp: ({ns, ctx}) => {
		if (!ctx.link) return {message: `no interface selected in ${ns.id}`};
		const link = ctx.link;
		const v6 = link.addresses.filter((a) => a.family === 6 && a.scope === 'global').map((a) => a.cidr);
		// The kernel's own routes (proto kernel) follow the addresses; the fe80::/64 one every IPv6 link has.
		const routes = ns.routes.filter((r) => r.dev === link.name && r.protocol !== 'kernel' && !r.dst.startsWith('fe80:')).map(formatRoute);
		const plan = togglePlan(ns.id, link.name, !link.adminUp, v6, routes);
		// Like every change, shown before it runs: setting down is one key from cutting off an SSH session.
		return {form: confirmForm(plan)};
	},
};

/** Synchronous where it can be, so a form is on screen before the next key arrives. */
export function changeFor(id: BindingId, state: AppState, system: System): ChangeOutcome | Promise<ChangeOutcome> | undefined {
	const change = CHANGES[id];
	if (!change) return undefined;
	const world = state.world;
	const ns = currentNs(state);
	if (!world || !ns) return {message: noNamespaceText(state)};
	const link = selectedLink(state);
	// Said before a form opens; run-plan.ts refuses such a plan too, whatever opened it.
	const raw = [ns.id, link?.name ?? ''].find(isRawName);
	if (raw !== undefined && id !== 'newNamespace') return {message: `${shown(raw)}: ${NOT_UTF8}`};
	return change({state, system, ns, ctx: {world, ns: ns.id, link}});
}
