// Can this kernel make a link of kind K? Asked once per run, and answered by trying: each kind is made,
// as a world file's plan would make it, inside a throwaway namespace that is deleted at once. A module
// that is not there, a kernel built without it, a sandbox that forbids it or no /dev/net/tun all say so
// the same way, with ip's own words. Nothing outside the throwaway namespace is touched.
import type {MadeKind} from '../model/world-file/types.js';
import {errorText, type Runner} from './runner.js';

/** kind → why it cannot be made; a kind that is absent can be made (or could not be asked about). */
export type KindVerdicts = ReadonlyMap<string, string>;

/** Answers already known in this run: a kind's answer does not change while nsdeck runs. */
const known = new Map<string, string | undefined>();

/** What makes one `kind` in namespace `ns` (a stacked kind on the veth `probe-lower`). */
function probeArgv(ns: string, kind: MadeKind): string[] {
	const name = `probe-${kind}`;
	switch (kind) {
		case 'tun':
		case 'tap':
			return ['ip', '-n', ns, 'tuntap', 'add', 'dev', name, 'mode', kind];
		case 'veth':
			return ['ip', '-n', ns, 'link', 'add', 'name', name, 'type', 'veth', 'peer', 'name', `${name}-p`];
		case 'vxlan':
			return ['ip', '-n', ns, 'link', 'add', 'name', name, 'type', 'vxlan', 'id', '1', 'dstport', '4789'];
		case 'macvlan':
		case 'macvtap':
			return ['ip', '-n', ns, 'link', 'add', 'link', 'probe-lower', 'name', name, 'type', kind];
		default:
			return ['ip', '-n', ns, 'link', 'add', 'name', name, 'type', kind];
	}
}

/**
 * Which of `kinds` this kernel cannot make, each with the reason. When the throwaway namespace cannot
 * be made (no privilege to, say), nothing is known and nothing is refused: the plan would fail and roll
 * back as any other.
 */
export async function kindsThisKernelCannotMake(kinds: Iterable<MadeKind>, run: Runner): Promise<KindVerdicts> {
	const asked = [...new Set(kinds)].filter((kind) => !known.has(kind));
	if (asked.length > 0) {
		const ns = `nsdeck-probe-${process.pid}`;
		const made = await run(['ip', 'netns', 'add', ns]);
		if (made.exitCode === 0) {
			try {
				// macvlan and macvtap stack on a device: a veth in the same namespace.
				if (asked.some((k) => k === 'macvlan' || k === 'macvtap')) await run(['ip', '-n', ns, 'link', 'add', 'name', 'probe-lower', 'type', 'veth', 'peer', 'name', 'probe-lower-p']);
				for (const kind of asked) {
					const result = await run(probeArgv(ns, kind));
					known.set(kind, result.exitCode === 0 ? undefined : errorText(result).split('\n')[0]);
				}
			} finally {
				await run(['ip', 'netns', 'del', ns]);
			}
		}
	}
	const verdicts = new Map<string, string>();
	for (const [kind, why] of known) if (why !== undefined) verdicts.set(kind, why);
	return verdicts;
}
