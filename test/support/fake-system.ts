// A fake System for UI tests: serves a fixed world and fails the test on any command it was not told to
// expect (lazygit's fake command runner does the same).
import type {Netns, World} from '../../source/model/types.js';
import type {CommandResult} from '../../source/system/runner.js';
import type {ChangeListener, System, WorldChange} from '../../source/system/system.js';

export interface ExpectedCall {
	readonly argv: readonly string[];
	readonly result?: Partial<CommandResult>;
}

export interface FakeSystem extends System {
	world: World;
	forwarding: {4: boolean; 6: boolean};
	/** What the listing says could not be looked at. */
	unseen: Record<string, number>;
	readonly calls: string[][];
	/** Commands still expected but never run. */
	pending(): readonly ExpectedCall[];
	/** Play a change as the watcher would report it (after changing `world`). */
	emit(change: WorldChange): void;
	/** How many watch listeners are attached (0 after the app unmounts). */
	watchers(): number;
}

export function createFakeSystem(world: World, expected: ExpectedCall[] = [], lab = true): FakeSystem {
	const queue = [...expected];
	const calls: string[][] = [];
	const listeners = new Set<ChangeListener>();
	const fake: FakeSystem = {
		lab,
		access: {canChange: true},
		world,
		calls,
		readWorld: async () => fake.world,
		readNamespace: async (id: string): Promise<Netns | undefined> => fake.world.namespaces.find((n) => n.id === id),
		listNamespaces: async () => ({places: fake.world.namespaces.map(({id, kind, path, identity, label}) => ({id, kind, path, identity, label})), unseen: fake.unseen}),
		async readNamespaces(ids, options) {
			const read = fake.world.namespaces.filter((n) => ids.includes(n.id));
			options?.onBatch?.(read);
			return read;
		},
		watch(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		emit: (change) => {
			for (const listener of listeners) listener(change);
		},
		watchers: () => listeners.size,
		async run(argv) {
			calls.push([...argv]);
			const next = queue.shift();
			if (!next || next.argv.join(' ') !== argv.join(' ')) {
				throw new Error(`unexpected command: ${argv.join(' ')}${next ? ` (expected ${next.argv.join(' ')})` : ''}`);
			}
			return {argv, exitCode: 0, stdout: '', stderr: '', ...next.result};
		},
		pending: () => queue,
		forwarding: {4: false, 6: false},
		unseen: {},
		readForwarding: async () => fake.forwarding,
		// Tests that expect a ping, a typed command or a shell script these themselves.
		stream: async (argv) => {
			throw new Error(`unexpected streamed command: ${argv.join(' ')}`);
		},
		attach: async (argv) => {
			throw new Error(`unexpected attached program: ${argv.join(' ')}`);
		},
		copyToClipboard: async (text) => {
			throw new Error(`unexpected copy to the clipboard: ${text}`);
		},
	};
	return fake;
}
