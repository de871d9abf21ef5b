// The one input layer (ui/hooks/use-key-input.ts) on its own: a read of several keys is split once, each key
// goes to the handler of its binding (by id) for what is on screen, a paste stays text, and keys behind
// the Enter that started a run wait for it, with no help from whoever took the Enter.
import {Text} from 'ink';
import {render} from 'ink-testing-library';
import {useMemo} from 'react';
import {describe, expect, it, onTestFinished} from 'vitest';
import type {FormSpec} from '../../source/plans/forms/form-spec.js';
import type {AppState, Overlay} from '../../source/state/app-state.js';
import {initialState, reducer, type Action} from '../../source/state/reducer.js';
import {createKeyLayer, KeyLayerContext, useKeyReader, useKeys} from '../../source/ui/hooks/key-layer.js';
import {useStore} from '../../source/ui/hooks/store.js';
import {useKeyInput} from '../../source/ui/hooks/use-key-input.js';
import {settle, waitForFrame} from '../support/ink.js';

/** Reads keys as a form does: Enter starts a run. */
function FormLike({log, dispatch}: {readonly log: string[]; readonly dispatch: (action: Action) => void}) {
	useKeyReader({
		key: (typed) => {
			log.push(typed.name);
			if (typed.name === 'return') dispatch({type: 'openOverlay', overlay: {kind: 'running', title: 'the plan'}});
		},
		paste: (text) => log.push(`paste ${JSON.stringify(text)}`),
	});
	return <Text>form</Text>;
}

/** A ping panel's keys, by binding id. */
function PanelLike({log}: {readonly log: string[]}) {
	useKeys({pingAgain: () => log.push('again'), stopOrClose: () => log.push('stop')});
	return <Text>panel</Text>;
}

function Harness({overlay, log}: {readonly overlay: Overlay; readonly log: string[]}) {
	const [state, dispatch, getState] = useStore<AppState, Action>(reducer, {...initialState, overlay});
	const layer = useMemo(createKeyLayer, []);
	const app = {quit: () => log.push('quit'), scrollDown: () => log.push('down')};
	const input = useKeyInput({layer, getState, dispatch, interactive: true, running: state.overlay?.kind === 'running', app, filterText: () => false, paste: (text) => log.push(`refused ${text}`)});
	const kind = state.overlay?.kind;
	return (
		<KeyLayerContext.Provider value={layer}>
			{kind === 'form' ? <FormLike log={log} dispatch={dispatch} /> : kind === 'exec' ? <PanelLike log={log} /> : <Text>{`${kind} waiting: ${input.typeAhead.waiting}`}</Text>}
		</KeyLayerContext.Provider>
	);
}

async function start(overlay: Overlay) {
	const log: string[] = [];
	const app = render(<Harness overlay={overlay} log={log} />);
	onTestFinished(() => app.unmount());
	await settle();
	return {app, log};
}

describe('the input layer', () => {
	it('gives a form each key of a read, and holds the ones behind the Enter that started a run', async () => {
		const {app, log} = await start({kind: 'form', spec: {} as FormSpec});
		app.stdin.write('ab\rcq');
		await waitForFrame(app, 'running waiting: c q');
		expect(log).toEqual(['a', 'b', 'return']);
	});

	it('gives a form a paste whole, line break and all', async () => {
		const {app, log} = await start({kind: 'form', spec: {} as FormSpec});
		app.stdin.write('\u001B[200~x\ry\u001B[201~');
		await settle();
		expect(log).toEqual(['paste "x\\ry"']);
	});

	it('calls a panel’s handlers by binding id, and only for the scopes the registry gives it', async () => {
		const {app, log} = await start({kind: 'exec', view: {panel: 'ping'}});
		app.stdin.write('p');
		await settle();
		// Esc alone: ink waits a moment to tell it from the start of a sequence.
		app.stdin.write('\u001B');
		await settle();
		await new Promise((resolve) => setTimeout(resolve, 100));
		// q is bound (global) but the ping panel has no quit of its own, and the app's keys are not read over it.
		app.stdin.write('q');
		await settle();
		expect(log).toEqual(['again', 'stop']);
	});

	// ink names ESC and the key after it in one read one Alt+key: the Esc was lost, and the panel took
	// the key (typed quickly, over SSH, or while the app was busy).
	it('takes Esc and a key in one read as Esc, then the key', async () => {
		const {app, log} = await start({kind: 'exec', view: {panel: 'ping'}});
		app.stdin.write('\u001Bp');
		await settle();
		// The p after it is not used, as any key after the first in one read over a panel (type-ahead.ts).
		expect(log).toEqual(['stop']);
	});

	it('over an overlay the app reads, a read of several keys acts key by key; a paste is refused as text', async () => {
		const {app, log} = await start({kind: 'help'});
		app.stdin.write('\u001B[200~q\u001B[201~');
		await settle();
		app.stdin.write('jj');
		await settle();
		// After q (it quits), the rest of its read is not used: said in the status line.
		app.stdin.write('qj');
		await settle();
		expect(log).toEqual(['refused q', 'down', 'down', 'quit']);
	});

	// Some terminals pass an ESC inside a paste through: a pasted "ESC[201~" then ends the paste early, and
	// what follows in the same read must stay text (a q in it would quit; an Enter would submit a form).
	it('takes the bytes after a paste’s end in the same read as text, never keys (panes)', async () => {
		const {app, log} = await start({kind: 'help'});
		app.stdin.write('\u001B[200~abc \u001B[201~ q\u001B[201~');
		await settle();
		expect(log).not.toContain('quit');
		expect(log).toEqual(['refused abc ', 'refused  q']);
		// The next read is keys again.
		app.stdin.write('j');
		await settle();
		expect(log.at(-1)).toBe('down');
	});

	it('takes the bytes after a paste’s end in the same read as text, never keys (form)', async () => {
		const {app, log} = await start({kind: 'form', spec: {} as FormSpec});
		app.stdin.write('\u001B[200~brk\u001B[201~\r');
		await settle();
		expect(log).toEqual(['paste "brk"', 'paste "\\r"']);
	});
});
