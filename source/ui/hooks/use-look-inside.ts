// The keys that look inside a namespace without changing it — p ping, x one command, s a shell, C a capture — and the
// state behind their panels, gathered so the root component wires them with one hook.
import {useCallback} from 'react';
import type {BindingId} from '../../state/keys/keymap.js';
import type {System} from '../../system/system.js';
import type {Suspend} from '../../system/terminal.js';
import type {Action} from '../../state/reducer.js';
import type {AppState} from '../../state/app-state.js';
import {useCapture, type CaptureControls} from './use-capture.js';
import {useCommand, type CommandControls} from './use-command.js';
import {usePing, type PingControls} from './use-ping.js';
import {useShell, type ShellControls} from './use-shell.js';
import {onlyPlanned} from '../../state/planned-state.js';
import type {FleetPing} from './far-firewalls.js';

export interface LookInside {
	readonly ping: PingControls;
	readonly command: CommandControls;
	readonly shell: ShellControls;
	readonly capture: CaptureControls;
	open(id: BindingId): void;
}

export interface LookInsideOptions {
	readonly refresh: () => Promise<void>;
	readonly refreshNamespaces: (ids: readonly string[]) => Promise<void>;
	readonly dryRun: boolean;
	readonly logFile?: string;
	readonly suspend?: Suspend;
	/** Several servers: what the map draws and each one's System, for a ping whose echo leaves through a tunnel to another. */
	readonly fleet?: FleetPing;
}

export function useLookInside(system: System, getState: () => AppState, dispatch: (action: Action) => void, options: LookInsideOptions): LookInside {
	const {refresh, refreshNamespaces, dryRun, logFile, suspend, fleet} = options;
	const ping = usePing(system, getState, dispatch, refresh, {logFile, fleet});
	const command = useCommand(system, getState, dispatch, {dryRun, logFile, refreshNamespaces});
	const shell = useShell(system, getState, dispatch, refresh, {suspend, dryRun});
	const capture = useCapture(system, getState, dispatch, {logFile});
	const open = useCallback(
		(id: BindingId) => {
			const selected = getState().selectedNs;
			if (onlyPlanned(getState(), selected)) {
				dispatch({type: 'message', tone: 'error', text: `${selected} is only planned (dry run): nothing runs inside it until the plan does`});
				return;
			}
			if (id === 'ping') ping.openForm();
			else if (id === 'runCommand') command.openForm();
			else if (id === 'shell') shell.open();
			else if (id === 'capture') capture.openForm();
		},
		[ping, command, shell, capture, getState, dispatch],
	);
	return {ping, command, shell, capture, open};
}
