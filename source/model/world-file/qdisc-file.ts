// A link's shaping in a world file: the root qdisc nsdeck sets (tbf, netem, or netem with a tbf under it,
// as plans/shaping-plans.ts makes them), in tc's words. Saved from `tc -j qdisc show`, read back checked,
// and compared by value: `1000kbit` in a file is the kernel's 1mbit, and tc's rounding of a tbf's burst and
// latency (kept in the kernel as times) is not a difference.
import {qdiscArgs, timeText, type Qdisc} from '../traffic/qdisc.js';
import {checkPercent, checkRate, checkSize, checkTime, percentFraction, rateBytes, sizeBytes, timeSeconds} from '../traffic/tc-units.js';
import type {Checker} from './checker.js';
import type {Path} from './yaml-source.js';

export interface DeclaredTbf {
	readonly rate: string;
	readonly burst: string;
	readonly latency: string;
}

export interface DeclaredNetem {
	readonly delay?: string;
	readonly jitter?: string;
	readonly loss?: string;
	readonly duplicate?: string;
	readonly reorder?: string;
}

/** At least one of the two; both: netem at the root, the tbf under it. */
export interface DeclaredQdisc {
	readonly tbf?: DeclaredTbf;
	readonly netem?: DeclaredNetem;
}

const NETEM_KEYS = ['delay', 'jitter', 'loss', 'duplicate', 'reorder'] as const;

/** netem's probabilities as tc -j prints them (a fraction), as tc reads them: `1%`. */
const percentText = (fraction: number): string => `${Number((fraction * 100).toPrecision(6))}%`;
const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined);
const sub = (value: unknown, key: string): unknown => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined);

function tbfOf(q: Qdisc): DeclaredTbf | undefined {
	const args = qdiscArgs(q);
	return q.kind === 'tbf' && args ? {rate: args[1], burst: args[3], latency: args[5]} : undefined;
}

function netemOf(q: Qdisc): DeclaredNetem | undefined {
	if (q.kind !== 'netem') return undefined;
	const o = q.options;
	const delay = num(sub(o.delay, 'delay'));
	const jitter = num(sub(o.delay, 'jitter'));
	const loss = num(sub(o['loss-random'], 'loss'));
	const duplicate = num(sub(o.duplicate, 'duplicate'));
	const reorder = num(sub(o.reorder, 'reorder'));
	return {
		...(delay ? {delay: timeText(delay)} : {}),
		...(delay && jitter ? {jitter: timeText(jitter)} : {}),
		...(loss ? {loss: percentText(loss)} : {}),
		...(duplicate ? {duplicate: percentText(duplicate)} : {}),
		...(reorder ? {reorder: percentText(reorder)} : {}),
	};
}

/**
 * What a link's qdiscs (tc -j qdisc show dev LINK) declare: undefined for the default, and for what nsdeck
 * does not set up (htb, a tree of classes): those are left as they are.
 */
export function declaredQdisc(qdiscs: readonly Qdisc[]): DeclaredQdisc | undefined {
	const root = qdiscs.find((q) => q.root);
	const children = qdiscs.filter((q) => !q.root && q.parent !== undefined && q.parent !== 'ffff:fff1' && q.kind !== 'ingress');
	if (!root) return undefined;
	if (children.length === 0) {
		const tbf = tbfOf(root);
		if (tbf) return {tbf};
		const netem = netemOf(root);
		return netem ? {netem} : undefined;
	}
	const [child] = children;
	const tbf = children.length === 1 && child.parent === `${root.handle}1` ? tbfOf(child) : undefined;
	const netem = netemOf(root);
	return tbf && netem ? {netem, tbf} : undefined;
}

/** Same within tc's rounding: a tbf keeps burst and latency as times, and prints them back. */
const near = (a: number | undefined, b: number | undefined, slack: number): boolean => a !== undefined && b !== undefined && Math.abs(a - b) <= Math.max(Math.abs(a), Math.abs(b)) * 0.02 + slack;

function sameTbf(a: DeclaredTbf | undefined, b: DeclaredTbf | undefined): boolean {
	if (!a || !b) return a === b;
	return near(rateBytes(a.rate), rateBytes(b.rate), 1) && near(sizeBytes(a.burst), sizeBytes(b.burst), 8) && near(timeSeconds(a.latency), timeSeconds(b.latency), 1e-3);
}

function sameNetem(a: DeclaredNetem | undefined, b: DeclaredNetem | undefined): boolean {
	if (!a || !b) return a === b;
	const time = (v?: string): number => (v ? (timeSeconds(v) ?? -1) : 0);
	const share = (v?: string): number => (v ? (percentFraction(v) ?? -1) : 0);
	return near(time(a.delay), time(b.delay), 1e-6) && near(time(a.jitter), time(b.jitter), 1e-6) && (['loss', 'duplicate', 'reorder'] as const).every((k) => near(share(a[k]), share(b[k]), 1e-6));
}

/** Whether the link's shaping is what the file declares (undefined: the default, or left as it is). */
export const sameQdisc = (want: DeclaredQdisc | undefined, have: DeclaredQdisc | undefined): boolean => sameTbf(want?.tbf, have?.tbf) && sameNetem(want?.netem, have?.netem);

/** `qdisc: {tbf: {rate, burst, latency}, netem: {delay, jitter, loss, duplicate, reorder}}`, each checked. */
export function readQdisc(c: Checker, value: unknown, path: Path): DeclaredQdisc {
	const f = c.fields(value, path, ['tbf', 'netem']);
	if (f.tbf === undefined && f.netem === undefined) c.fail(path, 'needs tbf (a rate limit) or netem (delay, loss, …), or both');
	const word = (fields: Record<string, unknown>, at: Path, key: string, check: (v: string) => string | undefined): string | undefined => c.text(fields[key], [...at, key], check);
	let tbf: DeclaredTbf | undefined;
	if (f.tbf !== undefined) {
		const at = [...path, 'tbf'];
		const t = c.fields(f.tbf, at, ['rate', 'burst', 'latency']);
		const rate = word(t, at, 'rate', checkRate) ?? c.fail(at, 'needs a rate: 1mbit, 250kbit');
		tbf = {rate, burst: word(t, at, 'burst', checkSize) ?? '32kbit', latency: word(t, at, 'latency', checkTime) ?? '400ms'};
	}
	let netem: DeclaredNetem | undefined;
	if (f.netem !== undefined) {
		const at = [...path, 'netem'];
		const n = c.fields(f.netem, at, [...NETEM_KEYS]);
		// YAML reads a bare `1` as a number: still a percentage, written as tc takes it.
		const percent = (key: string): string | undefined => {
			const v = word(n, at, key, checkPercent);
			return v === undefined ? undefined : v.endsWith('%') ? v : `${v}%`;
		};
		const delay = word(n, at, 'delay', checkTime);
		const jitter = word(n, at, 'jitter', checkTime);
		if (jitter && !delay) c.fail([...at, 'jitter'], 'jitter needs a delay');
		const loss = percent('loss');
		const duplicate = percent('duplicate');
		const reorder = percent('reorder');
		if (reorder && !delay) c.fail([...at, 'reorder'], 'reordering needs a delay');
		netem = {...(delay ? {delay} : {}), ...(jitter ? {jitter} : {}), ...(loss ? {loss} : {}), ...(duplicate ? {duplicate} : {}), ...(reorder ? {reorder} : {})};
	}
	return {...(netem ? {netem} : {}), ...(tbf ? {tbf} : {})};
}

/** The file's spelling: keys in one order, absent ones left out. */
export function qdiscOut(q: DeclaredQdisc): Record<string, unknown> {
	const netem = q.netem && Object.fromEntries(NETEM_KEYS.flatMap((k) => (q.netem?.[k] ? [[k, q.netem[k]]] : [])));
	return {...(netem ? {netem} : {}), ...(q.tbf ? {tbf: {rate: q.tbf.rate, burst: q.tbf.burst, latency: q.tbf.latency}} : {})};
}
