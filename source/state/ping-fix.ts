// The fix a failed ping's diagnosis offers (model/diagnosis/fix.ts), as the ordinary form of that change,
// filled in: forwarding on, a link up, a route, an address. The plan preview shows it before anything
// runs. A firewall's fix is only a command to show: nsdeck never changes a rule.
import type {Fix} from '../model/diagnosis/fix.js';
import type {World} from '../model/types.js';
import {findNs} from '../model/validate.js';
import {togglePlan} from '../plans/link-plans.js';
import {confirmForm, type FormSpec} from '../plans/forms/form-spec.js';
import {addressForm} from '../plans/forms/link-forms.js';
import {forwardingForm} from '../plans/forms/namespace-forms.js';
import {routeForm} from '../plans/forms/route-forms.js';

/** The form that makes the fix, or why there is none to make. */
export function fixForm(world: World, fix: Fix): FormSpec | string {
	if (fix.kind === 'command') return `${fix.why ?? 'nsdeck does not change firewalls'}: ${fix.text}`;
	const ns = findNs(world, fix.ns);
	if (!ns) return `${fix.ns} no longer exists`;
	switch (fix.kind) {
		case 'forwarding': {
			const current = {4: ns.forwarding?.[4] ?? false, 6: ns.forwarding?.[6] ?? false};
			const form = forwardingForm({world, ns: ns.id}, current);
			return {...form, initial: {...form.initial, [`v${fix.family}`]: true}};
		}
		case 'linkUp': {
			const link = ns.links.find((l) => l.name === fix.link);
			if (!link) return `${fix.link} is no longer in ${ns.id}`;
			if (link.adminUp) return `${fix.link} in ${ns.id} is up already`;
			return confirmForm(togglePlan(ns.id, link.name, true, link.addresses.filter((a) => a.family === 6 && a.scope === 'global').map((a) => a.cidr)));
		}
		case 'route': {
			const link = fix.dev ? ns.links.find((l) => l.name === fix.dev) : undefined;
			const form = routeForm({world, ns: ns.id, link});
			return {...form, initial: {...form.initial, dst: fix.dst, via: fix.gateway ?? ''}};
		}
		case 'address': {
			const link = ns.links.find((l) => l.name === fix.link);
			const form = addressForm({world, ns: ns.id, link});
			return typeof form === 'string' ? form : {...form, initial: {cidr: fix.cidr}};
		}
	}
}
