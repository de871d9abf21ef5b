// Keeps a server's master connection up while the app runs: when it ends (the network went, the server
// restarted, sshd killed the session) the server is marked disconnected with the time of its last good
// read, and connected again with a growing pause between tries. A reconnect never prompts (BatchMode):
// the UI is drawing; a server that wants a password again says so in its line and is tried again later.
// Nothing here blocks the UI: the tries run in the background, and readers ask `up()` first.
import type {SshHost} from './ssh-transport.js';

export interface ConnectionState {
	readonly up: boolean;
	/** When the server was last read in full or in part (ms since the epoch). */
	readonly lastRead?: number;
	/** When the connection was lost; unset while up. */
	readonly downSince?: number;
	/** Why the last reconnect failed, in ssh's words (ssh-destination.ts). */
	readonly problem?: string;
}

export interface Connection {
	readonly state: () => ConnectionState;
	/** Hear every change of state; returns the function that stops hearing. */
	readonly subscribe: (listener: () => void) => () => void;
	/** Hear the server come back, to start its watch again and read it all. */
	readonly onBack: (listener: () => void) => () => void;
	/** A read succeeded: the time the disconnected line shows. */
	readonly noteRead: () => void;
	/** Stop trying (quit). */
	readonly stop: () => void;
}

/** Pauses between tries: quick for a blip, then at most every 30 s. */
export const BACKOFF_MS: readonly number[] = [500, 1000, 2000, 4000, 8000, 15_000, 30_000];

export interface KeeperOptions {
	readonly backoffMs?: readonly number[];
	readonly now?: () => number;
}

/** Watch `host`'s master (already connected) and reconnect it whenever it ends. */
export function keepConnected(host: SshHost, {backoffMs = BACKOFF_MS, now = Date.now}: KeeperOptions = {}): Connection {
	let state: ConnectionState = {up: host.connected(), lastRead: now()};
	let stopped = false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const listeners = new Set<() => void>();
	const backListeners = new Set<() => void>();
	const set = (next: ConnectionState): void => {
		state = next;
		for (const listener of listeners) listener();
	};
	const follow = (): void => {
		void host.ended().then(() => {
			if (stopped || host.closed()) return;
			set({up: false, lastRead: state.lastRead, downSince: now()});
			retry(0);
		});
	};
	const retry = (attempt: number): void => {
		const pause = backoffMs[Math.min(attempt, backoffMs.length - 1)] ?? 1000;
		timer = setTimeout(() => {
			if (stopped || host.closed()) return;
			void host.connect({batch: true}).then((problem) => {
				if (stopped) return;
				if (problem) {
					set({...state, problem});
					retry(attempt + 1);
					return;
				}
				set({up: true, lastRead: state.lastRead});
				follow();
				for (const listener of backListeners) listener();
			});
		}, pause);
		// Waiting to try again is no reason to stay alive after quitting.
		timer.unref();
	};
	follow();
	const hear = (set: Set<() => void>) => (listener: () => void) => {
		set.add(listener);
		return () => void set.delete(listener);
	};
	return {
		state: () => state,
		subscribe: hear(listeners),
		onBack: hear(backListeners),
		noteRead: () => {
			if (state.up) state = {...state, lastRead: now()};
		},
		stop: () => {
			stopped = true;
			clearTimeout(timer);
		},
	};
}

/** The title's words for a server's connection: nothing while up. */
export function connectionNote(dest: string, state: ConnectionState, clock: (ms: number) => string = hhmmss): string | undefined {
	if (state.up) return undefined;
	const last = state.lastRead === undefined ? '' : `, last read ${clock(state.lastRead)}`;
	return `${dest} disconnected${last}; reconnecting${state.problem ? ` (${state.problem})` : ''}`;
}

const hhmmss = (ms: number): string => new Date(ms).toTimeString().slice(0, 8);
