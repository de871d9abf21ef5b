// Renders the App over a fake system holding a captured world, waits until it is ready for keys, and
// unmounts it when the test ends.
import {render} from 'ink-testing-library';
import {onTestFinished} from 'vitest';
import {App, type AppProps} from '../../source/app.js';
import type {Access} from '../../source/system/access.js';
import {createFakeSystem, type ExpectedCall, type FakeSystem} from './fake-system.js';
import {fixtureWorld} from './fixtures.js';
import {waitForFrame} from './ink.js';

export interface Started {
	readonly app: ReturnType<typeof render>;
	readonly system: FakeSystem;
}

export async function startApp(
	options: {world?: string; expected?: ExpectedCall[]; size?: {columns: number; rows: number}; props?: Partial<AppProps>; ready?: string; access?: Access} = {},
): Promise<Started> {
	const system = createFakeSystem(fixtureWorld(options.world ?? 'bridge'), options.expected ?? []);
	if (options.access) Object.assign(system, {access: options.access});
	const app = render(<App system={system} size={options.size ?? {columns: 80, rows: 24}} {...options.props} />);
	onTestFinished(() => app.unmount());
	await waitForFrame(app, options.ready ?? 'Namespaces (3)');
	return {app, system};
}
