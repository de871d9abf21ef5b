// Shaping an interface's outgoing traffic: a rate limit (tbf) and network emulation (netem: delay, jitter,
// loss, duplication, reordering), as `tc qdisc replace … root …`, undone by setting back the root qdisc it
// replaced (when nsdeck can read that one's options) or by `tc qdisc del … root` (back to the default).
import {isPathId} from '../model/netns-id.js';
import {isDefaultQdisc, qdiscArgs, type Qdisc} from '../model/traffic/qdisc.js';
import {HOST_ID} from '../model/types.js';
import {execIn, type Argv, type Plan, type Step} from './plan.js';

export interface TbfValues {
	/** tc's words, already validated: 1mbit, 250kbit. */
	readonly rate: string;
	readonly burst: string;
	readonly latency: string;
}

export interface NetemValues {
	readonly delay?: string;
	readonly jitter?: string;
	/** Percentages as tc takes them: `1%`. */
	readonly loss?: string;
	readonly duplicate?: string;
	readonly reorder?: string;
}

export interface ShapingValues {
	readonly ns: string;
	readonly link: string;
	readonly tbf?: TbfValues;
	readonly netem?: NetemValues;
	/** The link's qdiscs now (tc -j qdisc show dev LINK), for the undo; unknown when not read. */
	readonly current?: readonly Qdisc[];
}

/** `tc -n NS …` (tc has no PID fallback for -n: a name is a name), plain `tc` in the host, nsenter for a path. */
export function tcIn(ns: string, ...args: string[]): string[] {
	return ns === HOST_ID || isPathId(ns) ? execIn(ns, 'tc', ...args) : ['tc', '-n', ns, ...args];
}

export const tbfArgs = (t: TbfValues): string[] => ['tbf', 'rate', t.rate, 'burst', t.burst, 'latency', t.latency];

export function netemArgs(n: NetemValues): string[] {
	const args = ['netem'];
	if (n.delay) args.push('delay', n.delay, ...(n.jitter ? [n.jitter] : []));
	if (n.loss) args.push('loss', n.loss);
	if (n.duplicate) args.push('duplicate', n.duplicate);
	if (n.reorder) args.push('reorder', n.reorder);
	return args;
}

/** How to get the root qdisc there is now back: set it again, or (a default one) delete ours. */
function restoreRoot(ns: string, link: string, current: readonly Qdisc[] | undefined): {argv: Argv; lost?: string} {
	const root = current?.find((q) => q.root);
	const del = tcIn(ns, 'qdisc', 'del', 'dev', link, 'root');
	if (!root || isDefaultQdisc(root.kind)) return {argv: del};
	const args = qdiscArgs(root);
	// Its children (a netem's tbf) are not brought back: only the root's own options.
	if (args && !current?.some((q) => !q.root)) return {argv: tcIn(ns, 'qdisc', 'replace', 'dev', link, 'root', root.kind, ...args)};
	return {argv: del, lost: `the ${root.kind} qdisc there now is not brought back by undo: undo deletes the root qdisc`};
}

export function shapePlan(v: ShapingValues): Plan {
	const restore = restoreRoot(v.ns, v.link, v.current);
	const qdisc = (...args: string[]): string[] => tcIn(v.ns, 'qdisc', ...args);
	const steps: Step[] = [];
	const words: string[] = [];
	if (v.tbf && v.netem) {
		// netem at the root delays and drops; the tbf below it (netem's one class, 1:1) limits the rate.
		steps.push({argv: qdisc('replace', 'dev', v.link, 'root', 'handle', '1:', ...netemArgs(v.netem)), undo: restore.argv});
		steps.push({argv: qdisc('replace', 'dev', v.link, 'parent', '1:1', 'handle', '10:', ...tbfArgs(v.tbf)), undo: qdisc('del', 'dev', v.link, 'parent', '1:1', 'handle', '10:')});
	} else if (v.tbf || v.netem) {
		const args = v.tbf ? tbfArgs(v.tbf) : netemArgs(v.netem ?? {});
		steps.push({argv: qdisc('replace', 'dev', v.link, 'root', ...args), undo: restore.argv});
	}
	if (v.tbf) words.push(`rate ${v.tbf.rate}`);
	if (v.netem) words.push(...netemArgs(v.netem).slice(1).join(' ').split(/ (?=delay|loss|duplicate|reorder)/));
	return {
		title: `Shape ${v.link} in ${v.ns}: ${words.join(', ')}`,
		dangerous: false,
		destructive: false,
		touches: [{ns: v.ns, link: v.link, change: 'settings'}],
		consequences: [`only what ${v.link} sends is shaped (tc shapes egress)`, ...(restore.lost ? [restore.lost] : [])],
		steps,
		affects: [v.ns],
		select: {ns: v.ns, link: v.link},
	};
}

/** Back to the kernel's default qdisc: delete the root one, undone by setting it again where nsdeck can. */
export function unshapePlan(ns: string, link: string, current: readonly Qdisc[] | undefined): Plan {
	const root = current?.find((q) => q.root);
	const args = root && qdiscArgs(root);
	const back = root && args && !current?.some((q) => !q.root) ? tcIn(ns, 'qdisc', 'replace', 'dev', link, 'root', root.kind, ...args) : undefined;
	return {
		title: `Remove shaping from ${link} in ${ns}`,
		dangerous: back === undefined,
		destructive: true,
		touches: [{ns, link, change: 'settings'}],
		consequences: back ? undefined : ['undo cannot set the qdisc there now back up: its options are not known'],
		steps: [{argv: tcIn(ns, 'qdisc', 'del', 'dev', link, 'root'), ...(back ? {undo: back} : {})}],
		affects: [ns],
		select: {ns, link},
	};
}
