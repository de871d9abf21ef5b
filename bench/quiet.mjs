// Waits until the machine's CPUs are (nearly) idle. A world of 1,000 namespaces just built, or just torn
// down, keeps the kernel busy for tens of seconds on this kind of machine (IPv6 address setup, namespace
// cleanup in kernel workers), and timings taken then measure that work, not nsdeck. A server with that
// many namespaces has built them long before anyone looks.
import {readFileSync} from 'node:fs';
import {setTimeout as sleep} from 'node:timers/promises';

/** Idle and total jiffies of all CPUs so far, from /proc/stat's first line. */
function cpuTimes() {
	const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0].trim().split(/\s+/).slice(1).map(Number);
	const [, , , idle, iowait] = fields;
	return {idle: idle + iowait, total: fields.reduce((a, b) => a + b, 0)};
}

/** Resolves once a half-second passes with at least `idleShare` of the CPUs idle, or after `timeoutMs`. */
export async function untilQuiet({idleShare = 0.9, timeoutMs = 60_000} = {}) {
	const started = performance.now();
	let before = cpuTimes();
	while (performance.now() - started < timeoutMs) {
		await sleep(500);
		const now = cpuTimes();
		const idle = (now.idle - before.idle) / Math.max(1, now.total - before.total);
		if (idle >= idleShare) return;
		before = now;
	}
}
