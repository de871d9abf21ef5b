// s: a shell inside the selected namespace. The app first shows the shell screen, which mounts no input
// hook, so ink leaves raw mode and stops reading stdin; only then does the terminal go to the shell (via
// the suspend service from cli.tsx). When the shell exits, the app is back where it was and reads the
// world again: the user may have changed anything in there.
import {useCallback, useRef} from 'react';
import {nsDisplayName} from '../../model/netns-id.js';
import {shellBanner} from '../../model/shell-prompt.js';
import {shellArgv, shellPath} from '../../plans/exec-commands.js';
import {shellStart, type ShellStart} from '../../system/shell-prompt.js';
import type {System} from '../../system/system.js';
import type {Suspend} from '../../system/terminal.js';
import type {Action} from '../../state/reducer.js';
import type {AppState} from '../../state/app-state.js';
import {currentNs, noNamespaceText} from '../../state/selectors.js';

export interface ShellControls {
	open(): void;
	/** The shell screen is up and nothing reads keys: hand the terminal over. */
	ready(ns: string): void;
}

export interface ShellOptions {
	readonly suspend?: Suspend;
	/** A dry run changes nothing, and a shell can change anything: it does not open. */
	readonly dryRun?: boolean;
}

export function useShell(system: System, getState: () => AppState, dispatch: (action: Action) => void, refresh: () => Promise<void>, {suspend, dryRun}: ShellOptions): ShellControls {
	const busy = useRef(false);

	const open = useCallback(() => {
		const ns = currentNs(getState());
		if (!ns) return dispatch({type: 'message', tone: 'error', text: noNamespaceText(getState())});
		if (dryRun) return dispatch({type: 'message', tone: 'error', text: 'dry run: no shell — anything typed in it would change the system; quit and start nsdeck without --dry-run'});
		if (!suspend || !system.attach) return dispatch({type: 'message', tone: 'error', text: 'a shell needs the terminal: not available here'});
		dispatch({type: 'openOverlay', overlay: {kind: 'exec', view: {panel: 'shell', ns: ns.id}}});
	}, [getState, dispatch, suspend, system, dryRun]);

	const ready = useCallback(
		(ns: string) => {
			const attach = system.attach;
			if (busy.current || !suspend || !attach) return;
			busy.current = true;
			const name = nsDisplayName(ns);
			void (async () => {
				// One more turn of the event loop: ink's raw-mode release runs in an effect of the same commit.
				await new Promise((resolve) => setImmediate(resolve));
				let start: ShellStart | undefined;
				try {
					start = shellStart(shellPath(process.env.SHELL), ns, name);
					const argv = shellArgv(ns, process.env.SHELL, start.args);
					const env = start.env;
					const code = await suspend(() => attach(argv, env), shellBanner(name));
					dispatch({type: 'closeOverlay'});
					dispatch({type: 'message', tone: code === 0 ? 'info' : 'error', text: `back from the shell in ${ns}${code === 0 ? '' : ` (exit status ${code})`}`});
				} catch (error) {
					dispatch({type: 'closeOverlay'});
					dispatch({type: 'message', tone: 'error', text: `cannot start a shell in ${ns}: ${error instanceof Error ? error.message : String(error)}`});
				} finally {
					start?.cleanup();
					busy.current = false;
				}
				await refresh();
			})();
		},
		[system, dispatch, refresh, suspend],
	);

	return {open, ready};
}
