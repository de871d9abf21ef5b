// What this process may do: changing needs CAP_NET_ADMIN; entering a named namespace needs CAP_SYS_ADMIN.
import {readFileSync} from 'node:fs';

export interface Access {
	readonly canChange: boolean;
	/** Why not, in words for the title bar. */
	readonly reason?: string;
}

const CAP_NET_ADMIN = 12n;
const CAP_SYS_ADMIN = 21n;

export function effectiveCaps(status: string): bigint {
	const line = status.split('\n').find((l) => l.startsWith('CapEff:'));
	return line ? BigInt(`0x${line.slice('CapEff:'.length).trim()}`) : 0n;
}

export function accessFromCaps(caps: bigint): Access {
	const has = (bit: bigint): boolean => (caps & (1n << bit)) !== 0n;
	if (has(CAP_NET_ADMIN) && has(CAP_SYS_ADMIN)) return {canChange: true};
	return {canChange: false, reason: 'read-only: not root (needs CAP_NET_ADMIN)'};
}

export function detectAccess(): Access {
	try {
		return accessFromCaps(effectiveCaps(readFileSync('/proc/self/status', 'utf8')));
	} catch {
		return {canChange: false, reason: 'read-only: cannot read /proc/self/status'};
	}
}
