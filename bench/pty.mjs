// Drives the bundled app in a pseudo-terminal (util-linux `script`), with timestamps on every byte it writes.
import {spawn} from 'node:child_process';
import {readFileSync} from 'node:fs';

export class PtyApp {
	constructor(argv, {columns = 120, rows = 40} = {}) {
		const env = {...process.env, TERM: 'xterm-256color'};
		delete env.CI; // ink prints only the last frame when CI is set, even empty
		const command = `stty cols ${columns} rows ${rows}; exec ${argv.map((a) => `'${a}'`).join(' ')}`;
		this.started = performance.now();
		this.child = spawn('script', ['-qfec', command, '/dev/null'], {env, stdio: ['pipe', 'pipe', 'inherit']});
		this.output = '';
		this.bytes = 0;
		this.lastAt = this.started;
		this.waiters = [];
		this.child.stdout.on('data', (chunk) => {
			this.output += chunk.toString('utf8');
			this.bytes += chunk.length;
			this.lastAt = performance.now();
			this.waiters = this.waiters.filter((w) => !w());
		});
	}

	/** Resolves with the time when the output since `from` (a byte offset into output) matches. */
	waitFor(test, from = 0, timeoutMs = 60_000) {
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`timed out waiting for ${test}`)), timeoutMs);
			const check = () => {
				const text = this.output.slice(from);
				if (typeof test === 'string' ? text.includes(test) : test.test(text)) {
					clearTimeout(timer);
					resolve(performance.now());
					return true;
				}
				return false;
			};
			if (!check()) this.waiters.push(check);
		});
	}

	/**
	 * Resolves once nothing has been written for `quietMs`, or after `mostMs` (a screen with live rates
	 * redraws a busy link's row every second: it may never be quiet); with the time of the last byte.
	 */
	async quiet(quietMs = 150, mostMs = Infinity) {
		const until = performance.now() + mostMs;
		for (;;) {
			await new Promise((r) => setTimeout(r, quietMs / 3));
			if (performance.now() - this.lastAt >= quietMs || performance.now() >= until) return this.lastAt;
		}
	}

	/** Resolves with the time from start to exit (for `node -e 0`). */
	exited() {
		return new Promise((resolve) => this.child.on('exit', () => resolve(performance.now() - this.started)));
	}

	write(text) {
		this.child.stdin.write(text);
	}

	/** The app's own process (script's child), for its peak memory. */
	appPid() {
		const children = readFileSync(`/proc/${this.child.pid}/task/${this.child.pid}/children`, 'utf8').trim().split(/\s+/);
		return Number(children[0]);
	}

	peakRssMb() {
		const status = readFileSync(`/proc/${this.appPid()}/status`, 'utf8');
		const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
		return kb / 1024;
	}

	async stop() {
		this.write('q');
		await new Promise((resolve) => {
			const timer = setTimeout(() => {
				this.child.kill();
				resolve();
			}, 3000);
			this.child.on('exit', () => {
				clearTimeout(timer);
				resolve();
			});
		});
	}
}
