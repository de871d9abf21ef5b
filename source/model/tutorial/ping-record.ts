// A ping the learner ran, from the command that ran it: `ping … TARGET` in the host, or `ip netns exec NS
// ping … TARGET` inside a named namespace — the argv nsdeck runs for p, and what x runs for a typed
// `ping`. Its exit status says whether anything answered (iputils ping: 0 when a reply came).
import {HOST_ID} from '../types.js';
import {parseIp} from '../validate.js';
import type {PingRecord} from './types.js';

export function pingRecordOf(argv: readonly string[], exitCode: number | undefined): PingRecord | undefined {
	if (exitCode === undefined) return undefined; // Still running, or never ran.
	const inNamespace = argv[0] === 'ip' && argv[1] === 'netns' && argv[2] === 'exec' && argv.length > 4;
	const command = inNamespace ? argv.slice(4) : argv;
	if (command[0] !== 'ping' && command[0] !== 'ping6') return undefined;
	const to = command.at(-1);
	if (to === undefined || !parseIp(to)) return undefined;
	return {from: inNamespace ? argv[3] : HOST_ID, to, answered: exitCode === 0};
}
