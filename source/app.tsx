// The thin root: the store and the hooks that act on the world, the one input layer, and the layout:
// title bar, the panes or the open overlay (ui/overlays/overlay-view.tsx), the tutorial panel, the footer.
// Which overlay reads which keys, and what it needs of the screen, is state/overlays.ts.
import {Box} from 'ink';
import {useCallback, useMemo, useState} from 'react';
import {sessionPath} from './model/ssh-session.js';
import {namespacesLeaningElsewhere} from './model/stacked.js';
import type {Tutorial} from './model/tutorial/types.js';
import type {Plan} from './plans/plan.js';
import {sessionRisk} from './plans/session-guard.js';
import {footerActs} from './state/keys/key-availability.js';
import {offeredFor} from './state/keys/keymap.js';
import {footerScopes, overlaySpec} from './state/overlays.js';
import {initialState, reducer, stateAfterFirstRead, type Action} from './state/reducer.js';
import {HOST_ID} from './model/types.js';
import {fleetMove, namespaceGroups} from './state/fleet.js';
import type {FleetServer} from './state/fleet-sync.js';
import type {Move} from './state/navigation.js';
import type {AppState} from './state/app-state.js';
import {currentNs, selectedLink} from './state/selectors.js';
import type {FirstRead} from './system/first-read.js';
import type {System} from './system/system.js';
import type {Suspend} from './system/terminal.js';
import {ExplorerPanes} from './ui/explorer-panes.js';
import {Footer} from './ui/footer.js';
import {createKeyLayer, KeyLayerContext} from './ui/hooks/key-layer.js';
import {useStore} from './ui/hooks/store.js';
import {useAppKeys} from './ui/hooks/use-app-keys.js';
import {useChanges} from './ui/hooks/use-changes.js';
import {useConnection} from './ui/hooks/use-connection.js';
import {useKeyInput} from './ui/hooks/use-key-input.js';
import {useLookInside} from './ui/hooks/use-look-inside.js';
import {KEEP_SECONDS, usePlans} from './ui/hooks/use-plans.js';
import {useTutorial} from './ui/hooks/use-tutorial.js';
import {useWorld} from './ui/hooks/use-world.js';
import {useFleet, type Fleet} from './ui/hooks/use-fleet.js';
import {useTraffic} from './ui/hooks/use-traffic.js';
import {rowsShowRates} from './ui/panes/interfaces-pane.js';
import {computeLayout} from './ui/layout.js';
import {overlayMostScroll, overlayView, titleFactsOf, titleStatus} from './ui/overlays/overlay-view.js';
import {paneRows} from './ui/pane-frame.js';
import {StaleRows} from './ui/stale-rows.js';
import {TitleBar} from './ui/title-bar.js';
import {TutorialPanel, tutorialRoom, tutorialWidth} from './ui/tutorial-panel.js';
import {useTerminalSize, type Size} from './ui/use-terminal-size.js';

export interface AppProps {
	readonly system: System;
	/** False when stdin is not a TTY: no input hooks may be mounted then. */
	readonly interactive?: boolean;
	/** Fixed terminal size (tests); otherwise the real terminal's, following resizes. */
	readonly size?: Size;
	/** Plans are shown and logged as "not run"; nothing changes. */
	readonly dryRun?: boolean;
	/** Append every command to this file as it runs. */
	readonly logFile?: string;
	/** Hands the terminal to another program (the shell, s); from cli.tsx, faked in tests. */
	readonly suspend?: Suspend;
	/** The list and the host, read while the program loaded: the first frame shows them, not "reading…". */
	readonly firstRead?: FirstRead;
	/** A first read not done when the first frame was drawn: the world sync takes it when it comes. */
	readonly lateFirstRead?: Promise<FirstRead | undefined>;
	/** How long a change on the SSH session's path waits for k before it is undone (tests shorten it). */
	readonly keepSeconds?: number;
	/** A tutorial to follow beside the panes (`nsdeck tutorial`). */
	readonly tutorial?: Tutorial;
	/** Several servers (`--host h1 --host h2`): one world each, the selected namespace's active (use-fleet.ts). */
	readonly servers?: readonly FleetServer[];
}

export function App({system: given, interactive = true, size, dryRun = false, logFile, suspend, firstRead, lateFirstRead, keepSeconds, tutorial, servers}: AppProps) {
	const [initial] = useState(() => (firstRead ? stateAfterFirstRead(firstRead) : initialState));
	const [state, dispatch, getState] = useStore(reducer, initial);
	const fleet = useFleet(servers, given, dispatch, getState);
	const system = fleet.system;
	const {refresh, refreshNamespaces} = useWorld(system, fleet.dispatch, getState, firstRead, lateFirstRead);
	const terminal = useTerminalSize();
	const screen = size ?? terminal;
	const pathNow = useCallback(() => sessionPath(getState().world ?? {namespaces: []}, system.sshSession), [getState, system]);
	const guard = useCallback((plan: Plan) => sessionRisk(plan, pathNow(), getState().world), [pathNow, getState]);
	const alsoRead = useCallback(() => namespacesLeaningElsewhere(getState().world ?? {namespaces: []}), [getState]);
	const {execute, keep, undoNow} = usePlans(system, dispatch, refreshNamespaces, {dryRun, logFile, sessionRisk: guard, sessionPath: pathNow, keepSeconds, alsoRead});
	const {change, exportLog, saveWorld, copyLog, copy} = useChanges(system, getState, dispatch, execute, dryRun);
	const connection = useConnection(system);
	const look = useLookInside(system, getState, dispatch, {refresh, refreshNamespaces, dryRun, logFile, suspend, fleet: fleet.mapInput && fleet.systemOf && {map: fleet.mapInput, systemOf: fleet.systemOf}});
	const layer = useMemo(createKeyLayer, []);
	const tutorials = useTutorial(tutorial, state, layer, {dispatch, getState, execute, readEchoes: system.readEchoCounters});
	// Change keys are neither offered nor usable: only a dry run plans without the rights to change.
	const readOnly = !system.access.canChange && !dryRun;

	const learning = tutorials.view;
	const formOpen = state.overlay !== undefined && overlaySpec(state.overlay).compactTutorial;
	const room = tutorialRoom(screen.columns, screen.rows, learning?.visible === true, formOpen, learning && tutorialWidth(learning.progress.tutorial));
	// Everything but the title bar and the footer shares the screen with the tutorial, when one is open.
	const layout = computeLayout(screen.columns - room.columns, screen.rows - room.rows);
	const frame = {width: screen.columns - room.columns, height: layout.bodyHeight};
	useTraffic(system, fleet.dispatch, getState, screen.rows, rowsShowRates(layout.rightWidth));

	const appKeys = useAppKeys(
		getState,
		dispatch,
		{
			refresh: () => void refresh(),
			change,
			exportLog,
			saveWorld,
			copyLog,
			look: look.open,
			detailFacts: () => {
				const ns = currentNs(getState());
				if (!ns || ns.planned || !system.readNamespaceFacts) return;
				void system.readNamespaceFacts(ns).then(
					(facts) => {
						const open = getState().overlay;
						if (open?.kind === 'detail' && currentNs(getState())?.id === facts.ns) dispatch({type: 'openOverlay', overlay: {kind: 'detail', facts}});
					},
					() => undefined,
				);
			},
			logSize: {columns: frame.width, rows: frame.height},
			overlayMostScroll: () => overlayMostScroll(getState(), frame, readOnly, titleStatus(system, dryRun, getState(), frame.width)),
			crossHost: fleet.hosts && ((to) => crossHost(fleet, getState(), dispatch, to, paneRows(layout.linksHeight))),
			foldServer: fleet.hosts && (() => foldServer(fleet, getState())),
		},
		paneRows(layout.linksHeight),
	);
	const running = state.overlay?.kind === 'running';
	const input = useKeyInput({layer, getState, dispatch, interactive, running, app: appKeys.table, filterText: appKeys.filterText, paste: appKeys.paste});
	// A plan that resets the lab for a tutorial opens the tutorial once it has run (use-tutorial.ts).
	const submit = (plan: Plan): void => void execute(plan).then(() => tutorials.ran(plan));
	const overlay = overlayView(
		{state, dispatch, system, dryRun, readOnly, interactive, sessionRisk: guard, keepSeconds: keepSeconds ?? KEEP_SECONDS, submit, copy, keep, undoNow, look, tutorials, typedAhead: input.typeAhead.waiting, fleetMap: fleet.mapInput},
		frame,
	);
	return (
		<KeyLayerContext.Provider value={layer}>
			<Box flexDirection="column" width={screen.columns} height={screen.rows}>
				<TitleBar {...titleFactsOf(system, dryRun, state, connection)} width={screen.columns} />
				<Box flexDirection={room.rows > 0 ? 'column' : 'row'}>
					{overlay ?? (
						<StaleRows.Provider value={!connection.up}>
							<ExplorerPanes state={state} layout={layout} groups={fleet.hosts && namespaceGroups(state, fleet.hosts(), fleet.active, fleet.folded)} />
						</StaleRows.Provider>
					)}
					{learning?.visible ? (
						<TutorialPanel
							progress={learning.progress}
							statuses={learning.statuses}
							log={state.log.slice(learning.progress.logFrom)}
							width={room.columns || screen.columns}
							height={room.rows || layout.bodyHeight}
						/>
					) : null}
				</Box>
				<Footer
					scopes={footerScopes(state, learning !== undefined)}
					width={screen.columns}
					acts={footerActs(state, readOnly, look.capture.run?.kept === true)}
					keymap={offeredFor(selectedLink(state))}
				/>
			</Box>
		</KeyLayerContext.Provider>
	);
}

/** A move in the namespaces pane with several servers: onto a heading, a namespace, or another server's. */
function crossHost(fleet: Fleet, state: AppState, dispatch: (action: Action) => void, to: Move, page: number): boolean {
	const groups = fleet.hosts && namespaceGroups(state, fleet.hosts(), fleet.active, fleet.folded);
	const target = groups && fleetMove(state, groups, to, page);
	if (!groups || !target) return false;
	if (target.host !== fleet.active) {
		// A heading's server is switched to with its first namespace behind the cursor (none is selected).
		fleet.switchTo(target.host, target.heading ? (groups[target.host]?.namespaces[0]?.id ?? HOST_ID) : target.id, target.heading);
	} else if (target.heading) {
		dispatch({type: 'serverHeading', on: true});
	} else {
		dispatch({type: 'selectNs', id: target.id});
	}
	return true;
}

/** Enter on a server's heading folds it, or unfolds it; false where the cursor is on a namespace. */
function foldServer(fleet: Fleet, state: AppState): boolean {
	const host = fleet.hosts?.()[fleet.active]?.dest;
	if (!state.onServerHeading || state.focus !== 'namespaces' || host === undefined) return false;
	fleet.toggleFold(host);
	return true;
}
