// Each built-in tutorial followed to its end in a real 80x24 terminal (tmux), as a learner does: `nsdeck
// tutorial N` (its own lab: a sandbox nested in the test's, with NSDECK_SANDBOX unset as `nsdeck lab` is
// started in e2e-tmux.test.ts), every step done with nsdeck's keys and forms, and after each step the
// panel's title must count it (`· k/N`): the checks saw the world change. At the end the panel says
// "✓ Every step holds". Tutorial 2 once more with plain `ip` commands typed in the shell `s` opens. And
// tutorials 2, 5 and 6 chosen with L in the default lab (`nsdeck lab`), whose ns1, ns2 and br0 clash with
// their start (issue 27): the lab is reset to the tutorial's world by the plan L offers, then followed.
//
// Keys typed while a plan runs may be lost: each key waits for what it should show first.
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {BUNDLE, startInTmux, type Tmux} from '../support/tmux.js';
import {requireSandbox} from '../support/sandbox.js';

let term: Tmux | undefined;
beforeAll(requireSandbox);
afterEach(async () => {
	await term?.kill();
	term = undefined;
});

const literally = (text: string): string => text.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&');
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const TIMEOUT = 20_000;

/**
 * The tutorial's own lab, nested in the test's sandbox, in a terminal of 80x24; ready once the panes show
 * the namespaces its setup made (the app selects namespaces as they appear: keys before would be undone).
 */
async function startTutorial(name: string, namespaces: number): Promise<Tmux> {
	term = await startInTmux(['env', '-u', 'NSDECK_SANDBOX', 'SHELL=/bin/sh', 'sh', '-c', '"$0" "$@"; sleep 60', process.execPath, BUNDLE, 'tutorial', name], 80, 24);
	await term.waitFor(/ · 0\/\d+/, TIMEOUT);
	await term.waitFor(`Namespaces (${namespaces})`, TIMEOUT);
	await pause(500);
	return term;
}

/** A learner at the keyboard: one key at a time, each waiting for what it should show. */
class Learner {
	constructor(
		private readonly t: Tmux,
		private readonly steps: number,
	) {}

	async press(key: string, waitFor?: string | RegExp): Promise<string> {
		if (key.length === 1) await this.t.type(key);
		else await this.t.keys(key);
		return waitFor === undefined ? this.t.screen() : this.t.waitFor(waitFor, TIMEOUT);
	}

	async type(text: string): Promise<void> {
		await this.t.type(text);
	}

	/** The panel's title counts k steps done (its checks hold). */
	async done(k: number): Promise<string> {
		const screen = await this.t.waitFor(new RegExp(` · ${k}/${this.steps}\\b`), TIMEOUT);
		return k === this.steps ? this.t.waitFor('✓ Every step holds', TIMEOUT) : screen;
	}

	/** A key, then a wait until the screen shows its effect (or a while, when it has none to show). */
	private async pressAndSettle(key: string): Promise<string> {
		const before = await this.t.screen();
		await this.press(key);
		const deadline = Date.now() + 1500;
		let now = before;
		while (now === before && Date.now() < deadline) {
			await pause(50);
			now = await this.t.screen();
		}
		return now;
	}

	/** A row of the focused pane's list selected: g to the top, then j until it is marked (›). */
	private async selectRow(name: string): Promise<void> {
		const marked = new RegExp(`›${literally(name)} `);
		let screen = await this.pressAndSettle('g');
		for (let n = 0; n < 20 && !marked.test(screen); n++) screen = await this.pressAndSettle('j');
		await this.t.waitFor(marked, 3000);
	}

	async selectNamespace(ns: string): Promise<void> {
		await this.press('1', /║Namespaces \(/);
		await this.selectRow(ns);
		await this.t.waitFor(`Interfaces in ${ns} (`, 3000);
	}

	async selectLink(ns: string, link: string): Promise<void> {
		await this.selectNamespace(ns);
		await this.press('2', `║Interfaces in ${ns} (`);
		await this.selectRow(link);
	}

	/** In the open form: the focus moved (↓) to the field, and its value set. */
	async field(label: string, value: string | {choose: string} | boolean): Promise<void> {
		const focused = new RegExp(`›${literally(label)} `);
		for (let n = 0; n < 12 && !focused.test(await this.t.screen()); n++) await this.press('Down');
		await this.t.waitFor(focused, 3000);
		const line = (): Promise<string> => this.t.screen().then((s) => s.split('\n').find((l) => focused.test(l)) ?? '');
		if (typeof value === 'string') {
			await this.press('C-u');
			await this.type(value);
			await this.t.waitFor(new RegExp(`›${literally(label)} +${literally(value)}`), 3000);
		} else if (typeof value === 'boolean') {
			if ((await line()).includes('[x]') !== value) await this.press('Space');
			await this.t.waitFor(new RegExp(`›${literally(label)} +\\[${value ? 'x' : ' '}\\]`), 3000);
		} else {
			const shown = `‹ ${value.choose} ›`;
			for (let n = 0; n < 30 && !(await line()).includes(shown); n++) {
				await this.press('Right');
				await pause(60);
			}
			await this.t.waitFor(new RegExp(`›${literally(label)} +${literally(shown)}`), 3000);
		}
	}

	/** Enter in a form, and what the plan's ✓ says in the title bar. */
	async submit(result: string | RegExp): Promise<void> {
		const done = `✓ ${typeof result === 'string' ? literally(result) : result.source}`;
		// A plan longer than the form has room for is shown whole at the first Enter; the next one runs it.
		const screen = await this.press('Enter', new RegExp(`Enter runs these \\d+ commands|${done}`));
		if (/Enter runs these \d+ commands/.test(screen)) await this.press('Enter', new RegExp(done));
	}

	async newNamespace(ns: string, loUp = true): Promise<void> {
		await this.selectNamespace('host');
		await this.press('n', 'New namespace');
		await this.field('Name', ns);
		await this.field('Bring lo up', loUp);
		await this.submit(`Create namespace ${ns}`);
	}

	async address(ns: string, link: string, cidr: string): Promise<void> {
		await this.selectLink(ns, link);
		await this.press('a', `Add an address to ${link} in ${ns}`);
		await this.field('Address', cidr);
		await this.submit(`Add ${cidr} to ${link} in ${ns}`);
	}

	async up(ns: string, link: string): Promise<void> {
		await this.selectLink(ns, link);
		await this.press('Space', `Set ${link} up in ${ns}`);
		await this.submit(`Set ${link} up in ${ns}`);
	}

	async route(ns: string, link: string, to: string, via: string): Promise<void> {
		await this.selectLink(ns, link);
		await this.press('r', `Add a route in ${ns}`);
		await this.field('Destination', to);
		await this.field('Via (gateway)', via);
		await this.press('Enter', /✓ .*route/i);
	}

	async forwarding(ns: string): Promise<void> {
		await this.selectNamespace(ns);
		await this.press('f', `Forwarding in ${ns}`);
		await this.field('IPv4 forwarding', true);
		await this.submit(`Enable IPv4 forwarding in ${ns}`);
	}

	/** A ping from the ping panel (p) to a target the form offers, or to another address typed in. */
	async ping(from: string, target: {choose: string} | {other: string}): Promise<void> {
		await this.selectNamespace(from);
		await this.press('p', `Ping from ${from}`);
		if ('choose' in target) await this.field('Target', target);
		else {
			await this.field('Target', {choose: 'other address…'});
			await this.field('Other address', target.other);
		}
		const to = 'choose' in target ? target.choose.split(' ')[0] : target.other;
		await this.press('Enter', new RegExp(`Ping ${literally(to)} from ${literally(from)} — `));
	}

	/** Back from the ping panel to the panes. */
	async closePing(): Promise<void> {
		await this.press('Escape', /║Namespaces \(/);
	}
}

/** Tutorial 2, from an empty lab: each step with the keys. */
async function vethLesson(l: Learner): Promise<void> {
	await l.newNamespace('ns1');
	await l.newNamespace('ns2');
	await l.done(1);
	await l.press('v', 'Add a veth pair');
	await l.field('End 1 in', {choose: 'ns1'});
	await l.field('End 1 name', 'veth_ns1');
	await l.field('End 2 in', {choose: 'ns2'});
	await l.field('End 2 name', 'veth_ns2');
	// Step 4 brings up one end only, to see LOWERLAYERDOWN: the form leaves both down.
	await l.field('Bring both up', false);
	await l.submit('Add veth pair veth_ns1 (ns1) ⇄ veth_ns2 (ns2)');
	await l.done(2);
	await l.address('ns1', 'veth_ns1', '10.1.1.1/24');
	await l.address('ns2', 'veth_ns2', '10.1.1.2/24');
	await l.done(3);
	await l.up('ns1', 'veth_ns1');
	await l.done(4);
	await l.up('ns2', 'veth_ns2');
	await l.done(5);
	await l.ping('ns1', {choose: '10.1.1.2 (ns2/veth_ns2)'});
	await l.done(6);
}

/** Tutorial 5, from its setup's world. */
async function routerLesson(l: Learner): Promise<void> {
	await l.ping('ns1', {choose: '10.0.2.2 (ns2/eth0)'});
	await l.done(1);
	await l.closePing();
	await l.route('ns1', 'eth0', 'default', '10.0.1.1');
	await l.done(2);
	await l.route('ns2', 'eth0', 'default', '10.0.2.1');
	await l.done(3);
	await l.forwarding('router');
	await l.done(4);
	await l.ping('ns1', {choose: '10.0.2.2 (ns2/eth0)'});
	await l.done(5);
}

/** Tutorial 6, from its setup's world. */
async function repairLesson(l: Learner): Promise<void> {
	await l.ping('ns1', {choose: '10.0.2.2 (ns2/eth0)'});
	await l.done(1);
	await l.closePing();
	await l.route('ns1', 'eth0', 'default', '10.0.1.1');
	await l.done(2);
	await l.forwarding('router');
	await l.done(3);
	await l.selectLink('router', 'eth2');
	await l.press('d', 'Delete from eth2 in router');
	await l.field('Delete', {choose: 'address 10.0.2.1/32'});
	await l.press('Enter', 'Sure?');
	await l.submit('Delete');
	await l.address('router', 'eth2', '10.0.2.1/24');
	await l.done(4);
	await l.up('router', 'eth2');
	await l.done(5);
	await l.ping('ns1', {choose: '10.0.2.2 (ns2/eth0)'});
	await l.done(6);
}

async function follow(name: string, steps: number, namespaces: number, lesson: (learner: Learner) => Promise<void>): Promise<string> {
	const t = await startTutorial(name, namespaces);
	const learner = new Learner(t, steps);
	await lesson(learner);
	return learner.done(steps);
}

describe('each tutorial, followed with the keys at 80x24', () => {
	it('1: a fresh namespace', {timeout: 180_000}, async () => {
		const end = await follow('1', 4, 1, async (l) => {
			// lo left down, as `ip netns add` leaves it: step 2 brings it up.
			await l.newNamespace('ns1', false);
			await l.done(1);
			await l.up('ns1', 'lo');
			await l.done(2);
			await l.ping('ns1', {other: '127.0.0.1'});
			await l.done(3);
			await l.closePing();
			await l.ping('ns1', {other: '10.0.0.1'});
			await l.done(4);
		});
		expect(end).toContain('✓ Every step holds');
	});

	it('2: two namespaces joined by a veth pair', {timeout: 180_000}, async () => {
		const end = await follow('2', 6, 1, async (l) => {
			await vethLesson(l);
		});
		expect(end).toContain('ip netns add ns1');
	});

	it('3: several namespaces on a bridge', {timeout: 240_000}, async () => {
		const end = await follow('3', 5, 1, async (l) => {
			for (const ns of ['ns1', 'ns2', 'ns3']) await l.newNamespace(ns);
			await l.done(1);
			await l.selectNamespace('host');
			await l.press('b', 'Add a bridge');
			await l.field('Name', 'br0');
			await l.field('In', {choose: 'host'});
			await l.field('Bring up', true);
			await l.submit('Add bridge br0 in host');
			await l.done(2);
			for (const n of [1, 2, 3]) {
				await l.selectNamespace(`ns${n}`);
				await l.press('v', 'Add a veth pair');
				await l.field('End 1 in', {choose: `ns${n}`});
				await l.field('End 1 name', 'eth0');
				await l.field('End 2 in', {choose: 'host'});
				await l.field('End 2 name', `veth_br${n}`);
				await l.field('End 2 bridge', {choose: 'br0'});
				await l.field('Bring both up', true);
				await l.submit(new RegExp(`Add veth pair eth0 \\(ns${n}\\) ⇄ veth_br${n} \\(host`));
			}
			await l.done(3);
			for (const n of [1, 2, 3]) await l.address(`ns${n}`, 'eth0', `10.0.0.1${n}/24`);
			await l.done(4);
			await l.ping('ns1', {choose: '10.0.0.13 (ns3/eth0)'});
			await l.done(5);
		});
		expect(end).toContain('✓ Every step holds');
	});

	it('4: the host and the namespaces', {timeout: 240_000}, async () => {
		const end = await follow('4', 6, 3, async (l) => {
			await l.address('host', 'br0', '10.0.0.1/24');
			await l.done(1);
			await l.ping('host', {choose: '10.0.0.11 (ns1/eth0)'});
			await l.done(2);
			await l.closePing();
			await l.ping('ns1', {choose: '10.0.0.1 (host/br0)'});
			await l.done(3);
			await l.closePing();
			await l.route('ns1', 'eth0', 'default', '10.0.0.1');
			await l.route('ns3', 'eth0', 'default', '10.0.1.1');
			await l.done(4);
			await l.forwarding('host');
			await l.done(5);
			await l.ping('ns1', {choose: '10.0.1.13 (ns3/eth0)'});
			await l.done(6);
		});
		expect(end).toContain('✓ Every step holds');
	});

	it('5: a router namespace between two subnets', {timeout: 240_000}, async () => {
		const end = await follow('5', 5, 4, async (l) => {
			await routerLesson(l);
		});
		expect(end).toContain('✓ Every step holds');
	});

	it('6: a broken world to repair', {timeout: 240_000}, async () => {
		const end = await follow('6', 6, 4, async (l) => {
			await repairLesson(l);
		});
		expect(end).toContain('✓ Every step holds');
	});
});

describe('tutorial 2 with plain ip commands typed in the shell (s)', () => {
	it('turns each step ✓ from the world read after the shell returns', {timeout: 180_000}, async () => {
		const t = await startTutorial('2', 1);
		const l = new Learner(t, 6);
		await l.selectNamespace('host');
		// The shell's prompt names its namespace: the lab's host.
		await l.press('s', '[netns host]');
		for (const command of [
			'ip netns add ns1',
			'ip netns add ns2',
			'ip link add veth_ns1 type veth peer name veth_ns2',
			'ip link set dev veth_ns1 netns ns1',
			'ip link set dev veth_ns2 netns ns2',
			'ip -n ns1 addr add 10.1.1.1/24 dev veth_ns1',
			'ip -n ns2 addr add 10.1.1.2/24 dev veth_ns2',
			'ip -n ns1 link set dev veth_ns1 up',
			'ip -n ns2 link set dev veth_ns2 up',
		]) {
			await l.type(command);
			await l.press('Enter');
			await pause(300);
		}
		await l.type('exit');
		await l.press('Enter');
		// The world as read when the shell gave the terminal back: the first five steps hold at once.
		await l.done(5);
		// The last step counts the pings in the app's command log (p's, and x's): a ping typed in the shell
		// is not seen by the app, so that one is done with p.
		await l.ping('ns1', {choose: '10.1.1.2 (ns2/veth_ns2)'});
		expect(await l.done(6)).toContain('✓ Every step holds');
	});
});

describe('tutorials chosen with L in the default lab, which does not fit their start', () => {
	/**
	 * `nsdeck lab` (ns1 and ns2 on br0), then L, the tutorial, the lab's misfit said, Enter: the plan that
	 * resets the lab, paged through and confirmed; the tutorial then opens with no step done.
	 */
	async function chooseInDefaultLab(number: number, steps: number, namespaces: number): Promise<Learner> {
		const t = await startInTmux(['env', '-u', 'NSDECK_SANDBOX', 'SHELL=/bin/sh', 'sh', '-c', '"$0" "$@"; sleep 60', process.execPath, BUNDLE, 'lab'], 80, 24);
		term = t;
		await t.waitFor('Namespaces (3)', TIMEOUT);
		await pause(500);
		const l = new Learner(t, steps);
		await l.press('L', 'Tutorials: ↑↓ choose');
		for (let i = 1; i < number; i++) await l.press('j');
		const offer = await t.waitFor('This lab does not fit its start', TIMEOUT);
		expect(offer).toContain(`nsdeck tutorial ${number}`);
		await l.press('Enter', 'Reset the lab for tutorial');
		for (let i = 0; i < 8 && !(await t.screen()).includes('Sure?'); i++) {
			await l.press('Enter');
			await pause(300);
		}
		await l.press('y', new RegExp(` · 0/${steps}\\b`));
		await t.waitFor(`Namespaces (${namespaces})`, TIMEOUT);
		await pause(500);
		return l;
	}

	it('2: resets to an empty lab, opens at 0/6, and is followed to its end', {timeout: 240_000}, async () => {
		const l = await chooseInDefaultLab(2, 6, 1);
		await vethLesson(l);
		expect(await l.done(6)).toContain('✓ Every step holds');
	});

	it('5: resets to its router world and is followed to its end', {timeout: 240_000}, async () => {
		const l = await chooseInDefaultLab(5, 5, 4);
		await routerLesson(l);
		expect(await l.done(5)).toContain('✓ Every step holds');
	});

	it('6: resets to its broken world and is followed to its end', {timeout: 240_000}, async () => {
		const l = await chooseInDefaultLab(6, 6, 4);
		await repairLesson(l);
		expect(await l.done(6)).toContain('✓ Every step holds');
	});
});
