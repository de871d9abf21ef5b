// Hears changes in every listed namespace, whoever holds it: one `nsdeck-netdump --watch` process
// (native/watch-many.c) holds a rtnetlink socket in each namespace and says which one changed. `ip monitor
// all-nsid` in the host hears only namespaces the host has an nsid for, and a namespace a process holds
// or a mount often has none: a veth moved there showed `→ ?` until the user selected it.
import {execa} from 'execa';
import {createInterface} from 'node:readline';
import type {NetnsPlace} from '../model/types.js';

export interface ManyWatcher {
	/** Watch exactly these namespaces from now on (the last listing); new ones are subscribed at once. */
	listed(places: readonly NetnsPlace[]): void;
	stop(): void;
}

/** The path the helper opens: the host is our own namespace, whatever /proc/1 is. */
const pathOf = (place: NetnsPlace): string => (place.kind === 'host' ? `/proc/${process.pid}/ns/net` : place.path);

/** A path the helper's command line can carry: it ends each command with NUL. */
const carriable = (path: string): boolean => !path.includes('\0');

export function startManyWatcher(netdump: string, onChange: (id: string) => void): ManyWatcher {
	// The helper sets its own parent-death signal (netdump.c), so it needs no setpriv.
	const child = execa(netdump, ['--watch'], {buffer: false, stdin: 'pipe', stderr: 'ignore', reject: false});
	child.catch(() => undefined);
	const byKey = new Map<number, string>();
	const watched = new Map<string, {key: number; path: string}>();
	let nextKey = 1;
	let stopped = false;
	if (child.stdout) {
		createInterface({input: child.stdout}).on('line', (line) => {
			const id = byKey.get(Number(line));
			if (id !== undefined && !stopped) onChange(id);
		});
	}
	const send = (text: string): void => {
		if (!stopped && child.stdin?.writable) child.stdin.write(text);
	};
	return {
		listed(places) {
			const now = new Map(places.map((p) => [p.id, pathOf(p)]));
			let commands = '';
			for (const [id, {key, path}] of watched) {
				if (now.get(id) === path) continue;
				commands += `-${key}\0`;
				byKey.delete(key);
				watched.delete(id);
			}
			for (const [id, path] of now) {
				if (watched.has(id) || !carriable(path)) continue;
				const key = nextKey++;
				watched.set(id, {key, path});
				byKey.set(key, id);
				commands += `+${key}\t${path}\0`;
			}
			if (commands) send(commands);
		},
		stop() {
			stopped = true;
			child.stdin?.end();
			child.kill();
		},
	};
}
