// `nft -j list ruleset` (structure, counters, verdicts) with `nft -a list ruleset` (each rule's text, by
// its handle): nftables as tables → chains → rules. Untrusted text: kept as data, drawn escaped.
import type {FirewallChain, FirewallRule, FirewallTable} from './types.js';

type Obj = Readonly<Record<string, unknown>>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const VERDICTS = ['accept', 'drop', 'reject', 'jump', 'goto', 'return', 'queue', 'continue'];

/** Rule texts by "family table chain handle", from the listing with handles; counter values left out. */
export function nftRuleTexts(text: string): Map<string, string> {
	const out = new Map<string, string>();
	let table = '';
	let chain = '';
	for (const raw of text.split('\n')) {
		const line = raw.trim();
		const t = /^table (\S+) (.+?) \{/.exec(line);
		if (t) {
			table = `${t[1]} ${t[2]}`;
			continue;
		}
		const c = /^chain (.+?) \{/.exec(line);
		if (c) {
			chain = c[1];
			continue;
		}
		const r = /^(.*) # handle (\d+)$/.exec(line);
		if (r && table && chain) out.set(`${table} ${chain} ${r[2]}`, r[1].replace(/counter packets \d+ bytes \d+/, 'counter').trim());
	}
	return out;
}

function ruleOf(rule: Obj, texts: ReadonlyMap<string, string>): FirewallRule {
	const expr = Array.isArray(rule.expr) ? (rule.expr as unknown[]).filter(isObj) : [];
	const counter = expr.map((e) => e.counter).find(isObj);
	const verdict = expr.flatMap((e) => VERDICTS.filter((v) => v in e)).at(-1);
	const key = `${str(rule.family)} ${str(rule.table)} ${str(rule.chain)} ${String(rule.handle)}`;
	const packets = counter && typeof counter.packets === 'number' ? counter.packets : undefined;
	return {key: `nft ${key}`, text: texts.get(key) ?? `(rule ${String(rule.handle)})`, packets, verdict};
}

/** The tables of one `nft -j list ruleset`, each chain with its rules in order. */
export function parseNft(json: string, listing = ''): FirewallTable[] {
	const items = (JSON.parse(json) as {nftables?: unknown[]}).nftables ?? [];
	const texts = nftRuleTexts(listing);
	const tables: Array<{family: string; name: string; chains: Array<FirewallChain & {rules: FirewallRule[]}>}> = [];
	const tableOf = (family: unknown, name: unknown) => tables.find((t) => t.family === family && t.name === name);
	for (const item of items.filter(isObj)) {
		if (isObj(item.table)) {
			tables.push({family: str(item.table.family) ?? '?', name: str(item.table.name) ?? '?', chains: []});
		} else if (isObj(item.chain)) {
			const c = item.chain;
			tableOf(c.family, c.table)?.chains.push({name: str(c.name) ?? '?', hook: str(c.hook), policy: str(c.policy), rules: []});
		} else if (isObj(item.rule)) {
			const r = item.rule;
			tableOf(r.family, r.table)
				?.chains.find((c) => c.name === r.chain)
				?.rules.push(ruleOf(r, texts));
		}
	}
	return tables.map((t) => ({source: 'nft', ...t}));
}
