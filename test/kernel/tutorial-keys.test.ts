// The seed tutorials built with nsdeck's keys only, in a real 80x24 terminal (tmux) inside the sandbox,
// counting every key pressed — each typed character is one key. Issue 19 measures its progress by these
// counts: each tutorial is a plain list of (keys, text to wait for) steps, so a new key script replaces
// the list and the count follows from it. At the end real `ip` checks the world, and the pings answered.
import {afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {BUNDLE, startInTmux, type Tmux} from '../support/tmux.js';
import {ipJson, requireSandbox, resetWorld, sh} from '../support/sandbox.js';

/** One key: a single character, typed as is, or a key as tmux names it. */
type Key = string;
const NAMED_KEYS = new Set(['Enter', 'Tab', 'BTab', 'Escape', 'Space', 'Left', 'Right', 'Up', 'Down', 'BSpace', 'Home', 'End']);

interface Step {
	readonly keys: readonly Key[];
	/** Shown on the screen once the keys have taken effect; the next step waits for it. */
	readonly waitFor: string | RegExp;
	/** Sent in one write (as a fast typist's keys arrive over SSH), not one key per write. */
	readonly together?: boolean;
}

/** Each character of a text: one key each. */
const typed = (text: string): Key[] => [...text];
const step = (keys: Key | readonly Key[], waitFor: string | RegExp): Step => ({keys: typeof keys === 'string' ? [keys] : keys, waitFor});

const keyCount = (steps: readonly Step[]): number => steps.reduce((n, s) => n + s.keys.length, 0);

/**
 * The counts of these same tutorials with the keys of main at a729470 (before issue 19), by the lists
 * below as first written: what a new key script is measured against (the issue asks for at most 60 %).
 */
const BASELINE = {A: 60, B: 123} as const;
/** The goal: at most 60 % of the baseline's keys. */
const TARGET_SHARE = 0.6;
const report = (name: keyof typeof BASELINE, keys: number): string => `tutorial ${name}: ${keys} keys (baseline ${BASELINE[name]}: ${Math.round((100 * keys) / BASELINE[name])} %)`;

/** A ping whose summary says nothing was lost (not the "0%" at the end of "100%"). */
const answered = /, 0% packet loss/;
const literally = (text: string): string => text.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A form field showing a value. */
const field = (label: string, value: string): RegExp => new RegExp(`${literally(label)} +${literally(value)}`);
/** A form field with the focus (›): after a Tab, the next keys wait until the focus is seen to move. */
const focused = (label: string): RegExp => new RegExp(`›${literally(label)} `);
/** A list row with the selection (›). */
const selected = (name: string): RegExp => new RegExp(`›${literally(name)} `);
/** A pane with the focus: its border is drawn double (║). */
const pane = (title: string): RegExp => new RegExp(`║${literally(title)}`);

// Tutorial A (seeds 003, 004): ns1 and ns2 joined by veth_ns1/veth_ns2, 10.1.1.1/24 and 10.1.1.2/24, ping.
// The baseline's script, as measured on the code before issue 19: the veth form started in the selected
// namespace (ns2, just made) with the other end in ns1, and every name and address was typed.
const BASELINE_A_SCRIPT: readonly Step[] = [
	step('n', 'New namespace'),
	step([...typed('ns1'), 'Enter'], '✓ Create namespace ns1'),
	step('n', 'New namespace'),
	step([...typed('ns2'), 'Enter'], '✓ Create namespace ns2'),
	step('v', 'Add a veth pair'),
	step(typed('veth_ns2'), field('End 1 name', 'veth_ns2')),
	step('Tab', focused('End 1 in')),
	step('Tab', focused('End 1 address')),
	step(typed('10.1.1.2/24'), field('End 1 address', '10.1.1.2/24')),
	step('Tab', focused('End 2 name')),
	step(typed('veth_ns1'), field('End 2 name', 'veth_ns1')),
	step('Tab', focused('End 2 in')),
	step('Tab', focused('End 2 address')),
	step(typed('10.1.1.1/24'), field('End 2 address', '10.1.1.1/24')),
	step('Enter', '✓ Add veth pair veth_ns2 (ns2) ⇄ veth_ns1 (ns1)'),
	step('k', selected('ns1')),
	step('p', 'Ping from ns1'),
	step('Enter', /Ping 10\.1\.1\.2 from ns1 — done/),
	step('Escape', 'Namespaces (3)'),
	step('q', /^\$/m),
];

// Tutorial B (seed 004): ns1 and ns2 each joined by a veth to bridge br0 in the host (10.0.0.1/24), the
// namespace ends 10.0.0.11/24 and 10.0.0.12/24, forwarding on in the host, ping ns1 → ns2 and ns1 → br0.
// The baseline's script: each form started in the namespace the last change selected (the host after the
// bridge, then ns1), the host ends were typed and connected to br0 one by one with c.
const BASELINE_B_SCRIPT: readonly Step[] = [
	step('n', 'New namespace'),
	step([...typed('ns1'), 'Enter'], '✓ Create namespace ns1'),
	step('n', 'New namespace'),
	step([...typed('ns2'), 'Enter'], '✓ Create namespace ns2'),
	step('b', 'Add a bridge'),
	step(typed('br0'), field('Name', 'br0')),
	step('Tab', focused('In')),
	step('Right', field('In', '‹ host ›')),
	step('Tab', focused('Address')),
	step(typed('10.0.0.1/24'), field('Address', '10.0.0.1/24')),
	step('Enter', '✓ Add bridge br0 in host'),
	step('v', 'Add a veth pair'),
	step(typed('veth_ns1'), field('End 1 name', 'veth_ns1')),
	step('Tab', focused('End 1 in')),
	step('Right', field('End 1 in', '‹ ns1 ›')),
	step('Tab', focused('End 1 address')),
	step(typed('10.0.0.11/24'), field('End 1 address', '10.0.0.11/24')),
	step('Tab', focused('End 2 name')),
	step(typed('veth_br1'), field('End 2 name', 'veth_br1')),
	step('Tab', focused('End 2 in')),
	step('Left', field('End 2 in', '‹ host ›')),
	step('Enter', '✓ Add veth pair veth_ns1 (ns1) ⇄ veth_br1 (host)'),
	step('v', 'Add a veth pair'),
	step(typed('veth_ns2'), field('End 1 name', 'veth_ns2')),
	step('Tab', focused('End 1 in')),
	step('Right', field('End 1 in', '‹ ns2 ›')),
	step('Tab', focused('End 1 address')),
	step(typed('10.0.0.12/24'), field('End 1 address', '10.0.0.12/24')),
	step('Tab', focused('End 2 name')),
	step(typed('veth_br2'), field('End 2 name', 'veth_br2')),
	step('Tab', focused('End 2 in')),
	step('Right', field('End 2 in', '‹ host ›')),
	step('Enter', '✓ Add veth pair veth_ns2 (ns2) ⇄ veth_br2 (host)'),
	step('1', pane('Namespaces (3)')),
	step('g', 'Interfaces in host'),
	// The host's interfaces pane kept br0 selected since the bridge was made.
	step('2', pane('Interfaces in host')),
	step('j', selected('veth_br1')),
	step('c', 'Connect veth_br1 to a bridge'),
	step('Enter', '✓ Connect veth_br1 to bridge br0'),
	step('j', selected('veth_br2')),
	step('c', 'Connect veth_br2 to a bridge'),
	step('Enter', '✓ Connect veth_br2 to bridge br0'),
	step('1', pane('Namespaces (3)')),
	step('f', 'Forwarding in host'),
	step('Space', field('IPv4 forwarding', '[x]')),
	step('Enter', '✓ Enable IPv4 forwarding in host'),
	step('j', selected('ns1')),
	step('p', field('Target', '‹ 10.0.0.12 (ns2/veth_ns2) ›')),
	step('Enter', /Ping 10\.0\.0\.12 from ns1 — done/),
	step('Escape', 'Namespaces (3)'),
	step('p', 'Ping from ns1'),
	step('Right', field('Target', '‹ 10.0.0.1 (host/br0) ›')),
	step('Enter', /Ping 10\.0\.0\.1 from ns1 — done/),
	step('Escape', 'Namespaces (3)'),
	step('q', /^\$/m),
];

// Tutorial A with today's keys: the veth form suggests both ends from the two namespaces just made
// (ns1/veth_ns1 ⇄ ns2/veth_ns2, created in place), the focus waits on End 1's address, and End 2's address
// follows it (10.1.1.2/24); the ping form leaves ns1 selected and offers the other end as its target.
const TUTORIAL_A: readonly Step[] = [
	step('n', 'New namespace'),
	step([...typed('ns1'), 'Enter'], '✓ Create namespace ns1'),
	step('n', 'New namespace'),
	step([...typed('ns2'), 'Enter'], '✓ Create namespace ns2'),
	step('v', field('End 2 name', 'veth_ns2')),
	step(typed('10.1.1.1/24'), field('End 2 address', '10.1.1.2/24')),
	step('Enter', '✓ Add veth pair veth_ns1 (ns1) ⇄ veth_ns2 (ns2)'),
	step('p', field('Target', '‹ 10.1.1.2 (ns2/veth_ns2) ›')),
	step('Enter', /Ping 10\.1\.1\.2 from ns1 — done/),
	step('Escape', 'Namespaces (3)'),
	step('q', /^\$/m),
];

// Tutorial B with today's keys: after the bridge, the veth form puts one end in the host on br0 (named
// after the namespace and the bridge: veth_ns1_br0) and the other in the next namespace without a link
// (ns1, then ns2), the focus on that end's address; so each pair is v, an address and Enter. The bridge
// form starts in the selected namespace (ns2, just made): one Right reaches the host.
const TUTORIAL_B: readonly Step[] = [
	step('n', 'New namespace'),
	step([...typed('ns1'), 'Enter'], '✓ Create namespace ns1'),
	step('n', 'New namespace'),
	step([...typed('ns2'), 'Enter'], '✓ Create namespace ns2'),
	step('b', field('Name', 'br0')),
	step('Tab', focused('In')),
	step('Right', field('In', '‹ host ›')),
	step('Tab', focused('Address')),
	step(typed('10.0.0.1/24'), field('Address', '10.0.0.1/24')),
	step('Enter', '✓ Add bridge br0 in host'),
	step('v', field('End 1 name', 'veth_ns1_br0')),
	step(typed('10.0.0.11/24'), field('End 2 address', '10.0.0.11/24')),
	step('Enter', '✓ Add veth pair veth_ns1_br0 (host on br0) ⇄ veth_ns1 (ns1)'),
	step('v', field('End 1 name', 'veth_ns2_br0')),
	step(typed('10.0.0.12/24'), field('End 2 address', '10.0.0.12/24')),
	step('Enter', '✓ Add veth pair veth_ns2_br0 (host on br0) ⇄ veth_ns2 (ns2)'),
	// The last pair left the host selected in the namespaces pane.
	step('f', 'Forwarding in host'),
	step('Space', field('IPv4 forwarding', '[x]')),
	step('Enter', '✓ Enable IPv4 forwarding in host'),
	step('j', selected('ns1')),
	step('p', field('Target', '‹ 10.0.0.12 (ns2/veth_ns2) ›')),
	step('Enter', /Ping 10\.0\.0\.12 from ns1 — done/),
	step('Escape', 'Namespaces (3)'),
	step('p', 'Ping from ns1'),
	step('Right', field('Target', '‹ 10.0.0.1 (host/br0) ›')),
	step('Enter', /Ping 10\.0\.0\.1 from ns1 — done/),
	step('Escape', 'Namespaces (3)'),
	step('q', /^\$/m),
];

// Tutorial A typed ahead, as over SSH: each form's key in the same write as the Enter that runs the plan
// before, without waiting for its ✓. Keys read with that Enter, or typed while its plan runs, wait for the
// run's end (state/type-ahead.ts); they were lost before. The same 27 keys build the same world.
const ahead = (keys: readonly Key[], waitFor: string | RegExp): Step => ({keys, waitFor, together: true});
const TUTORIAL_A_TYPED_AHEAD: readonly Step[] = [
	step('n', 'New namespace'),
	step(typed('ns1'), field('Name', 'ns1')),
	// The status ends when the next form opens (issue 28): the new form shows with its Name empty, and
	// ns1's address at the end says the first plan ran.
	ahead(['Enter', 'n'], /›Name +▏/),
	step(typed('ns2'), field('Name', 'ns2')),
	ahead(['Enter', 'v'], field('End 2 name', 'veth_ns2')),
	step(typed('10.1.1.1/24'), field('End 2 address', '10.1.1.2/24')),
	ahead(['Enter', 'p'], field('Target', '‹ 10.1.1.2 (ns2/veth_ns2) ›')),
	step('Enter', /Ping 10\.1\.1\.2 from ns1 — done/),
	step('Escape', 'Namespaces (3)'),
	step('q', /^\$/m),
];

let term: Tmux | undefined;
beforeAll(requireSandbox);
beforeEach(resetWorld);
afterEach(async () => {
	await term?.kill();
	term = undefined;
});

/**
 * Run the steps one key per send, waiting for each step's text; returns the number of keys pressed and
 * every ping's summary line seen on the way.
 */
async function play(t: Tmux, steps: readonly Step[]): Promise<{keys: number; pings: string[]}> {
	let keys = 0;
	const pings: string[] = [];
	for (const {keys: stepKeys, waitFor, together} of steps) {
		if (together) {
			if (!stepKeys.every((key) => key.length === 1 || NAMED_KEYS.has(key))) throw new Error(`not keys: ${stepKeys.join(' ')}`);
			await t.keys(...stepKeys);
			keys += stepKeys.length;
		}
		for (const key of together ? [] : stepKeys) {
			if (key.length === 1) await t.type(key);
			else if (NAMED_KEYS.has(key)) await t.keys(key);
			else throw new Error(`not one key: ${key}`);
			keys++;
		}
		const screen = await t.waitFor(waitFor, 15_000);
		if (/Ping .* — done/.test(screen)) pings.push(screen.split('\n').find((l) => l.includes('packet loss')) ?? 'no summary');
	}
	return {keys, pings};
}

/** The app runs under a shell that stays after it quits, so `q` can be the last step and awaited. */
const startApp = (): Promise<Tmux> => startInTmux(['sh', '-c', '"$0" "$@"; PS1="$ " sh', process.execPath, BUNDLE], 80, 24);

const addresses = async (dev: string, ns?: string): Promise<string[]> =>
	(await ipJson<{addr_info: Array<{local: string; prefixlen: number}>}>(...(ns ? ['-n', ns] : []), 'addr', 'show', 'dev', dev))[0].addr_info.map((a) => `${a.local}/${a.prefixlen}`);
/** Whether a link is up, in a named namespace or (without one) in the sandbox's host. */
const isUp = async (dev: string, ns?: string): Promise<boolean> =>
	(await ipJson<{flags: string[]}>(...(ns ? ['-n', ns] : []), 'link', 'show', 'dev', dev))[0].flags.includes('UP');

describe('the seed tutorials, built with keys at 80x24', () => {
	it('the baseline scripts are kept as measured', () => {
		expect(keyCount(BASELINE_A_SCRIPT)).toBe(BASELINE.A);
		expect(keyCount(BASELINE_B_SCRIPT)).toBe(BASELINE.B);
	});

	it('tutorial A: two namespaces, a veth pair, addresses, a ping that answers', async () => {
		term = await startApp();
		await term.waitFor('Namespaces (1)');
		const {keys, pings} = await play(term, TUTORIAL_A);
		console.log(report('A', keys));
		expect(keys).toBe(keyCount(TUTORIAL_A));
		expect(keys).toBeLessThanOrEqual(Math.floor(TARGET_SHARE * BASELINE.A));
		expect(pings).toHaveLength(1);
		expect(pings[0]).toMatch(answered);

		expect((await sh('ip', 'netns', 'list')).split('\n').map((l) => l.split(' ')[0]).filter(Boolean).sort()).toEqual(['ns1', 'ns2']);
		expect(await addresses('veth_ns1', 'ns1')).toContain('10.1.1.1/24');
		expect(await addresses('veth_ns2', 'ns2')).toContain('10.1.1.2/24');
		expect(await isUp('veth_ns1', 'ns1')).toBe(true);
		expect(await isUp('veth_ns2', 'ns2')).toBe(true);
		// The two are one pair: ns1's end names ns2 as its peer's namespace.
		const [ns1End] = await ipJson<{link_netnsid?: number}>('-n', 'ns1', 'link', 'show', 'dev', 'veth_ns1');
		expect(ns1End.link_netnsid).toBeDefined();
		expect(await sh('ip', 'netns', 'exec', 'ns1', 'ping', '-n', '-c', '1', '-W', '2', '10.1.1.2')).toMatch(answered);
	}, 120_000);

	it('tutorial A typed ahead: keys typed while a plan runs act once it ends', async () => {
		term = await startApp();
		await term.waitFor('Namespaces (1)');
		const {keys, pings} = await play(term, TUTORIAL_A_TYPED_AHEAD);
		expect(keys).toBe(keyCount(TUTORIAL_A));
		expect(pings).toHaveLength(1);
		expect(pings[0]).toMatch(answered);
		expect(await addresses('veth_ns1', 'ns1')).toContain('10.1.1.1/24');
		expect(await addresses('veth_ns2', 'ns2')).toContain('10.1.1.2/24');
	}, 120_000);

	it('tutorial B: a bridge in the host, two namespaces on it, a bridge address, forwarding, two pings', async () => {
		term = await startApp();
		await term.waitFor('Namespaces (1)');
		const {keys, pings} = await play(term, TUTORIAL_B);
		console.log(report('B', keys));
		expect(keys).toBe(keyCount(TUTORIAL_B));
		expect(keys).toBeLessThanOrEqual(Math.floor(TARGET_SHARE * BASELINE.B));
		expect(pings).toHaveLength(2);
		for (const ping of pings) expect(ping).toMatch(answered);

		const ports = (await ipJson<{ifname: string}>('link', 'show', 'master', 'br0')).map((l) => l.ifname).sort();
		// The host ends' names are the form's suggestion (the tutorial leaves them free).
		expect(ports).toEqual(['veth_ns1_br0', 'veth_ns2_br0']);
		for (const dev of ['br0', 'veth_ns1_br0', 'veth_ns2_br0']) expect(await isUp(dev)).toBe(true);
		expect(await addresses('br0')).toContain('10.0.0.1/24');
		expect(await addresses('veth_ns1', 'ns1')).toContain('10.0.0.11/24');
		expect(await addresses('veth_ns2', 'ns2')).toContain('10.0.0.12/24');
		expect(await isUp('veth_ns1', 'ns1')).toBe(true);
		expect(await isUp('veth_ns2', 'ns2')).toBe(true);
		expect((await sh('cat', '/proc/sys/net/ipv4/ip_forward')).trim()).toBe('1');
		expect(await sh('ip', 'netns', 'exec', 'ns1', 'ping', '-n', '-c', '1', '-W', '2', '10.0.0.12')).toMatch(answered);
		expect(await sh('ip', 'netns', 'exec', 'ns1', 'ping', '-n', '-c', '1', '-W', '2', '10.0.0.1')).toMatch(answered);
	}, 180_000);
});
