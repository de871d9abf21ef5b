// The title bar is one line at every width from 60 columns, whatever it has to say at once: read-only, a
// dry run, namespaces it cannot see, a slow reader and a long message. What does not fit folds into
// badges (RO, DRY, 219 unseen), and the help says it in full (issue 27: at 80 columns it wrapped and
// pushed the screen up a line).
import {render} from 'ink-testing-library';
import {describe, expect, it, onTestFinished} from 'vitest';
import {App} from '../../source/app.js';
import {textWidth} from '../../source/model/text-width.js';
import {HelpOverlay} from '../../source/ui/overlays/help-overlay.js';
import {TitleBar} from '../../source/ui/title-bar.js';
import {foldedDetails, titleDetails, type TitleFacts} from '../../source/ui/title-fit.js';
import {createFakeSystem} from '../support/fake-system.js';
import {fixtureWorld} from '../support/fixtures.js';
import {settle, waitForFrame} from '../support/ink.js';

const REASON = 'read-only: not root (needs CAP_NET_ADMIN)';
const SLOW = 'reading each namespace with ip (no nsdeck-netdump: slower at scale)';
const UNSEEN = {'no rights to see a process': 219};
const LONG = 'cannot read the network: nsenter: cannot open /proc/4242/ns/net: No such file or directory (the process ended while it was read)';

const everything: TitleFacts = {lab: false, dryRun: true, readOnlyReason: REASON, note: SLOW, unseen: UNSEEN, loading: true, progress: {done: 12, total: 300}, message: {text: LONG, tone: 'error'}};

describe.each([60, 80, 100, 200])('the title bar at %i columns', (width) => {
	it('is one line with everything at once, and says each state at least as a badge', () => {
		const app = render(<TitleBar {...everything} width={width} />);
		const lines = (app.lastFrame() ?? '').split('\n');
		app.unmount();
		expect(lines).toHaveLength(1);
		expect(textWidth(lines[0])).toBeLessThanOrEqual(width);
		expect(lines[0]).toMatch(/^nsdeck \[host\] DRY( RUN)? (RO|read-only: not root \(needs CAP_NET_ADMIN\)) 219 unseen/);
		expect(lines[0]).toContain('reading 12/300');
		expect(lines[0]).toContain(' cannot read');
	});

	it('is one line in a lab too, with a note and no message', () => {
		const app = render(<TitleBar {...everything} lab message={undefined} width={width} />);
		const lines = (app.lastFrame() ?? '').split('\n');
		app.unmount();
		expect(lines).toHaveLength(1);
		expect(textWidth(lines[0])).toBeLessThanOrEqual(width);
		expect(lines[0]).toMatch(/^nsdeck {2}LAB {2}DRY/);
	});
});

describe('where the title bar has room', () => {
	it('says each state in full', () => {
		const app = render(<TitleBar {...everything} message={{text: 'added 10.1.1.1/24', tone: 'info'}} width={200} />);
		const line = app.lastFrame() ?? '';
		app.unmount();
		expect(line).toContain(`DRY RUN ${REASON} 219 unseen: no rights to see a process reading 12/300 added 10.1.1.1/24`);
	});
});

describe('the help', () => {
	it('is told each state in full where the title folds it, and nothing where it folds nothing', () => {
		expect(foldedDetails(everything, 80)).toEqual(titleDetails(everything));
		expect(foldedDetails(everything, 80)).toContain(REASON);
		expect(foldedDetails({...everything, note: undefined}, 200)).toEqual([]);
	});

	it('says in full what the title bar folds', () => {
		const status = titleDetails(everything);
		const app = render(<HelpOverlay width={60} height={20} status={status} />);
		const frame = app.lastFrame() ?? '';
		app.unmount();
		for (const words of [REASON, 'dry run:', '219 unseen: no rights to see a process', 'no nsdeck-netdump']) expect(frame.replaceAll(/[║\n ]+/g, ' ')).toContain(words);
		expect(frame.split('\n')).toHaveLength(20);
	});
});

describe.each([60, 80, 100])('the app read-only in a dry run at %i columns', (columns) => {
	it('keeps the title on its line and the panes right under it', async () => {
		const system = createFakeSystem(fixtureWorld('bridge'), [], false);
		Object.assign(system, {access: {canChange: false, reason: REASON}, slowReader: SLOW});
		system.unseen = UNSEEN;
		const app = render(<App system={system} size={{columns, rows: 24}} dryRun />);
		onTestFinished(() => app.unmount());
		await waitForFrame(app, 'Namespaces (3)');
		await waitForFrame(app, '219 unseen');
		await settle();
		const lines = (app.lastFrame() ?? '').split('\n');
		expect(lines).toHaveLength(24);
		expect(lines[0]).toMatch(/^nsdeck \[host\] DRY/);
		expect(textWidth(lines[0])).toBeLessThanOrEqual(columns);
		expect(lines[1]).toMatch(/^[┌╔╭]/);
	});
});
