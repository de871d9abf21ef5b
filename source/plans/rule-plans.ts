// Add and delete a policy routing rule (`ip rule`), in every word that tells it from the others, so that
// a delete takes only this rule and its undo puts it back as it was.
import type {Rule} from '../model/types.js';
import type {DeclaredRule} from '../model/world-file/types.js';
import {ipIn, type Plan} from './plan.js';

export function ruleArgs(r: DeclaredRule, verb: 'add' | 'del'): string[] {
	return [
		...(r.family === 6 ? ['-6'] : []),
		'rule',
		verb,
		'priority',
		String(r.priority),
		...(r.not ? ['not'] : []),
		'from',
		r.from,
		...(r.to ? ['to', r.to] : []),
		...(r.iif ? ['iif', r.iif] : []),
		...(r.oif ? ['oif', r.oif] : []),
		...(r.fwmark ? ['fwmark', r.fwmark] : []),
		...(r.table ? ['table', r.table] : []),
		...(r.action ? [r.action] : []),
	];
}

const said = (r: DeclaredRule): string => `${r.priority} from ${r.from}${r.to ? ` to ${r.to}` : ''} ${r.table ? `table ${r.table}` : (r.action ?? '')}`;

/** The rule as ip will print it back (its table by name; `to` and `from` as given). */
const asRule = (r: DeclaredRule): Rule => ({
	priority: r.priority,
	not: r.not,
	src: r.from,
	dst: r.to,
	iif: r.iif,
	oif: r.oif,
	fwmark: r.fwmark,
	table: r.table,
	action: r.action,
});

export function addRulePlan(ns: string, r: DeclaredRule): Plan {
	return {
		title: `Add rule ${said(r)} in ${ns}`,
		dangerous: false,
		steps: [{argv: ipIn(ns, ...ruleArgs(r, 'add')), undo: ipIn(ns, ...ruleArgs(r, 'del'))}],
		affects: [ns],
		select: {ns},
		effects: [{kind: 'addRule', ns, family: r.family, rule: asRule(r)}],
	};
}

export function deleteRulePlan(ns: string, r: DeclaredRule): Plan {
	return {
		title: `Delete rule ${said(r)} in ${ns}`,
		dangerous: false,
		destructive: true,
		steps: [{argv: ipIn(ns, ...ruleArgs(r, 'del')), undo: ipIn(ns, ...ruleArgs(r, 'add'))}],
		affects: [ns],
		select: {ns},
		effects: [{kind: 'deleteRule', ns, family: r.family, rule: asRule(r)}],
	};
}
