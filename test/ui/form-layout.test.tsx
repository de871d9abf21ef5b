// Every form the keys open, drawn at 60x15 and 80x24: no row drawn over another (as `It will run:up  [x]
// yes` was), the hint line whole at the bottom, and the focused field on screen after every Tab.
import {describe, expect, it} from 'vitest';
import {selectRow} from '../support/drive.js';
import {KEYS, press, waitForFrame, type Rendered} from '../support/ink.js';
import {startApp} from '../support/start-app.js';

const SIZES = [
	{columns: 60, rows: 15},
	{columns: 80, rows: 24},
] as const;

/** Where a form's key is pressed (a pane, a row in it), the key, and the form's title. */
const OPENERS: ReadonlyArray<{readonly pane?: string; readonly row?: string; readonly key: string; readonly title: string}> = [
	{pane: '1', row: 'ns1', key: 'd', title: 'Delete namespace ns1'},
	{pane: '1', row: 'host', key: 'n', title: 'New namespace'},
	{key: 'f', title: 'Forwarding in'},
	{key: 'v', title: 'Add a veth pair'},
	{key: 'b', title: 'Add a bridge'},
	{key: 'p', title: 'Ping from'},
	{key: 'x', title: 'Run one command'},
	{pane: '2', row: 'veth_ns1_br0', key: 'c', title: 'Connect veth_ns1_br0'},
	{key: 'u', title: 'Detach veth_ns1_br0'},
	{key: 'm', title: 'Move veth_ns1_br0'},
	{key: 'a', title: 'Add an address to veth_ns1_br0'},
	{key: KEYS.space, title: 'Set veth_ns1_br0 down'},
	{key: 'd', title: 'Delete from veth_ns1_br0'},
	{key: 'r', title: 'Add a route in host'},
	{key: 'e', title: 'Change veth_ns1_br0'},
	{pane: '2', row: 'br0', key: '+', title: 'New device on br0'},
	{pane: '3', key: 'd', title: 'Delete route'},
];

const inner = (line: string): string => line.replace(/^║ ?/, '').replace(/ ?║\s*$/, '');

/** The form's rows inside its border, checked for rows drawn over each other. */
function checkForm(frame: string, rows: number, what: string): {focused: number} {
	const lines = frame.split('\n');
	const top = lines.findIndex((l) => l.startsWith('╔'));
	const bottom = lines.findIndex((l) => l.startsWith('╚'));
	expect(bottom - top + 1, `${what}: the form's height\n${frame}`).toBe(rows - 2);
	const body = lines.slice(top + 1, bottom).map(inner);
	expect(body.at(-1), `${what}: the hint line last\n${frame}`).toMatch(/^(Enter|Esc)/);
	for (const line of body) {
		if (line.includes('It will run:')) expect(line.trim(), `${what}: a row drawn over "It will run:"\n${frame}`).toMatch(/^(This cannot be undone\. )?It will run:$/);
		if (line.includes('Fill in the fields') || line.includes('Fix the fields')) expect(line.trim(), `${what}\n${frame}`).toMatch(/^(Fill in|Fix) the fields[^›]*commands\.$/);
	}
	for (const line of body.slice(1, -1)) expect(line, `${what}: the title or the hints drawn again\n${frame}`).not.toMatch(/Esc cancel|Esc close/);
	const focused = body.filter((line) => line.startsWith('›'));
	expect(focused.length, `${what}: one focused field at most\n${frame}`).toBeLessThanOrEqual(1);
	return {focused: focused.length};
}

/** The focused field's label. */
const focusedRow = (frame: string): string | undefined =>
	frame
		.split('\n')
		.map(inner)
		.find((line) => line.startsWith('›'))
		?.split(/\s{2,}/)[0];

async function open(app: Rendered, opener: (typeof OPENERS)[number]): Promise<string> {
	if (opener.pane) await press(app, opener.pane);
	if (opener.row) await selectRow(app, opener.row);
	await press(app, opener.key);
	return waitForFrame(app, opener.title);
}

describe.each(SIZES)('every form at $columns x $rows', (size) => {
	it('draws no row over another, and Tab never leaves the focus on a field not drawn', async () => {
		const {app} = await startApp({size});
		for (const opener of OPENERS) {
			let frame = await open(app, opener);
			const {focused} = checkForm(frame, size.rows, opener.title);
			const first = focusedRow(frame);
			// Round the fields once: the focused one is drawn after every Tab.
			for (let i = 0; focused > 0 && i < 12; i++) {
				await press(app, KEYS.tab);
				frame = app.lastFrame() ?? '';
				expect(checkForm(frame, size.rows, `${opener.title}, Tab ${i + 1}`).focused).toBe(1);
				if (focusedRow(frame) === first) break;
			}
			await press(app, KEYS.escape);
			await waitForFrame(app, /Namespaces \(3\)/);
		}
	}, 60_000);
});
