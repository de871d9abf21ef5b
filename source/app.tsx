// The thin root: state, layout and the global keys. What each pane or overlay shows lives in ui/.
import {Box} from 'ink';
import {Text} from './ui/text.js';
import {useCallback, useState} from 'react';
import {sessionPath} from './model/ssh-session.js';
import type {Plan} from './plans/plan.js';
import {sessionRisk} from './plans/session-guard.js';
import {activeScopes, useAppKeys} from './ui/hooks/use-app-keys.js';
import {footerActs} from './state/keys/key-availability.js';
import {initialState, reducer, stateAfterFirstRead} from './state/reducer.js';
import {type AppState} from './state/app-state.js';
import {currentNs, lowerOf, peerOf, portsOf, selectedLink, selectedRoute} from './state/selectors.js';
import {useWorld} from './ui/hooks/use-world.js';
import {useStore} from './ui/hooks/store.js';
import {KEEP_SECONDS, usePlans} from './ui/hooks/use-plans.js';
import {useChanges} from './ui/hooks/use-changes.js';
import {lookScopes, useLookInside} from './ui/hooks/use-look-inside.js';
import type {Suspend} from './system/terminal.js';
import {ExecOverlay} from './ui/exec-overlay.js';
import {FormView} from './ui/forms/form-view.js';
import {KeepOverlay} from './ui/overlays/keep-overlay.js';
import {ResultOverlay} from './ui/overlays/result-overlay.js';
import {LogOverlay} from './ui/overlays/log-overlay.js';
import type {FirstRead} from './system/first-read.js';
import type {System} from './system/system.js';
import {computeLayout} from './ui/layout.js';
import {Footer} from './ui/footer.js';
import {offeredFor} from './state/keys/keymap.js';
import {nsDisplayName} from './model/netns-id.js';
import {DetailOverlay, detailMostScroll} from './ui/overlays/detail-overlay.js';
import {linkDetail, namespaceDetail, routeDetail, type DetailLine} from './ui/overlays/detail-lines.js';
import {HelpOverlay, helpMostScroll} from './ui/overlays/help-overlay.js';
import {paneRows} from './ui/pane-frame.js';
import {ExplorerPanes} from './ui/explorer-panes.js';
import {TitleBar, unseenText} from './ui/title-bar.js';
import {TopologyOverlay} from './ui/topology/topology-overlay.js';
import {useTerminalSize, type Size} from './ui/use-terminal-size.js';
import type {Tutorial} from './model/tutorial/types.js';
import {useTutorial} from './ui/hooks/use-tutorial.js';
import {currentFocus} from './state/tutorial-progress.js';
import {builtinTutorials} from './model/tutorial/catalog.js';
import {TutorialPicker} from './ui/overlays/tutorial-picker.js';
import {TutorialPanel, tutorialRoom} from './ui/tutorial-panel.js';

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
	/** How long a change on the SSH session's path waits for k before it is undone (tests shorten it). */
	readonly keepSeconds?: number;
	/** A tutorial to follow beside the panes (`nsdeck tutorial`). */
	readonly tutorial?: Tutorial;
}

function detailOf(state: AppState): {title: string; lines: DetailLine[]} | undefined {
	const ns = currentNs(state);
	if (!ns) return undefined;
	if (state.focus === 'interfaces') {
		const link = selectedLink(state);
		return link && {title: `Interface ${link.name}`, lines: linkDetail(ns, link, peerOf(state, ns, link), portsOf(state, ns, link), lowerOf(state, ns, link))};
	}
	if (state.focus === 'routes') {
		const route = selectedRoute(state);
		return route && {title: `Route in ${ns.id}`, lines: routeDetail(ns, route)};
	}
	return {title: `Namespace ${nsDisplayName(ns.id)}`, lines: namespaceDetail(ns)};
}

export function App({system, interactive = true, size, dryRun = false, logFile, suspend, firstRead, keepSeconds, tutorial}: AppProps) {
	const [initial] = useState(() => (firstRead ? stateAfterFirstRead(firstRead) : initialState));
	const [state, dispatch, getState] = useStore(reducer, initial);
	const {refresh, refreshNamespaces} = useWorld(system, dispatch, getState, firstRead);
	const guard = useCallback((plan: Plan) => sessionRisk(plan, sessionPath(getState().world ?? {namespaces: []}, system.sshSession)), [getState, system]);
	const {execute, keep, undoNow} = usePlans(system, dispatch, refreshNamespaces, {dryRun, logFile, sessionRisk: guard, keepSeconds});
	const {change, exportLog, copyLog} = useChanges(system, getState, dispatch, execute, dryRun);
	const terminal = useTerminalSize();
	const {columns: screenColumns, rows: screenRows} = size ?? terminal;
	const formOpen = state.overlay?.kind === 'form';
	const look = useLookInside(system, getState, dispatch, {refresh, refreshNamespaces, dryRun, logFile, suspend});
	const tutorials = useTutorial(tutorial, state, interactive && !formOpen && !state.filtering && state.overlay?.kind !== 'exec' && state.overlay?.kind !== 'tutorials', {
		dispatch,
		getState,
		execute,
	});
	const learning = tutorials.view;
	const room = tutorialRoom(screenColumns, screenRows, learning?.visible === true, formOpen);
	// Everything but the title bar and the footer shares the screen with the tutorial, when one is open.
	const columns = screenColumns - room.columns;
	const layout = computeLayout(columns, screenRows - room.rows);
	// Forms and the look-inside panels read their own keys.
	const ownKeys = formOpen || state.overlay?.kind === 'exec' || state.overlay?.kind === 'keep' || state.overlay?.kind === 'tutorials';
	const running = state.overlay?.kind === 'running';
	const typeAhead = useAppKeys(
		getState,
		dispatch,
		{
			refresh: () => void refresh(),
			change,
			exportLog,
			copyLog,
			look: look.open,
			logSize: {columns, rows: layout.bodyHeight},
			overlayMostScroll: () => (state.overlay?.kind === 'help' ? helpMostScroll(columns, layout.bodyHeight, readOnly) : detail ? detailMostScroll(detail.lines, layout.bodyHeight) : 0),
		},
		paneRows(layout.linksHeight),
		interactive && !ownKeys,
		{running, interactive},
	);

	const detail = state.overlay?.kind === 'detail' ? detailOf(state) : undefined;
	// Change keys are neither offered nor usable: only a dry run plans without the rights to change.
	const readOnly = !system.access.canChange && !dryRun;
	return (
		<Box flexDirection="column" width={screenColumns} height={screenRows}>
			<TitleBar
				lab={system.lab}
				dryRun={dryRun}
				readOnlyReason={system.access.reason}
				note={system.slowReader}
				unseen={unseenText(state.unseen)}
				loading={state.loading}
				progress={state.progress}
				message={state.error ? {text: `cannot read the network: ${state.error}`, tone: 'error'} : state.message}
				width={screenColumns}
			/>
			<Box flexDirection={room.rows > 0 ? 'column' : 'row'}>
			{state.overlay?.kind === 'form' && state.world ? (
				<FormView
					spec={state.overlay.spec}
					world={state.world}
					width={columns}
					height={layout.bodyHeight}
					dryRun={dryRun}
					isFocused={interactive}
					sessionRisk={guard}
					keepSeconds={keepSeconds ?? KEEP_SECONDS}
					onSubmit={(plan) => void execute(plan)}
					onCancel={() => dispatch({type: 'closeOverlay'})}
					onKeysAfterSubmit={typeAhead.holdText}
				/>
			) : state.overlay?.kind === 'exec' && state.world ? (
				<ExecOverlay
					view={state.overlay.view}
					look={look}
					world={state.world}
					width={columns}
					height={layout.bodyHeight}
					dryRun={dryRun}
					isFocused={interactive}
					onCancel={() => dispatch({type: 'closeOverlay'})}
				/>
			) : state.overlay?.kind === 'running' ? (
				<Box height={layout.bodyHeight} paddingX={1} flexDirection="column">
					<Text>running: {state.overlay.title}…</Text>
					{typeAhead.waiting ? <Text wrap="wrap">typed ahead: {typeAhead.waiting} — acts when this ends</Text> : null}
				</Box>
			) : state.overlay?.kind === 'keep' ? (
				<KeepOverlay
					title={state.overlay.title}
					deadline={state.overlay.deadline}
					width={columns}
					height={layout.bodyHeight}
					isFocused={interactive}
					onKeep={keep}
					onUndo={undoNow}
				/>
			) : state.overlay?.kind === 'result' ? (
				<ResultOverlay result={state.overlay.result} width={columns} height={layout.bodyHeight} />
			) : state.overlay?.kind === 'log' ? (
				<LogOverlay entries={state.log} width={columns} height={layout.bodyHeight} dryRun={dryRun} scroll={state.overlayScroll} />
			) : state.overlay?.kind === 'tutorials' ? (
				<TutorialPicker
					tutorials={builtinTutorials()}
					current={learning?.progress.tutorial.name}
					lab={system.lab}
					width={columns}
					height={layout.bodyHeight}
					isFocused={interactive}
					onChoose={(chosen) => void tutorials.follow(chosen)}
					onCancel={() => dispatch({type: 'closeOverlay'})}
				/>
			) : state.overlay?.kind === 'help' ? (
				<HelpOverlay width={columns} height={layout.bodyHeight} scroll={state.overlayScroll} readOnly={readOnly} />
			) : state.overlay?.kind === 'topology' ? (
				<TopologyOverlay
					world={state.world ?? {namespaces: []}}
					topology={state.topology}
					selectedNs={state.selectedNs}
					width={columns}
					height={layout.bodyHeight}
					isActive={interactive}
					highlight={learning && currentFocus(learning.progress, learning.statuses)}
					onChoose={(id) => {
						dispatch({type: 'selectNs', id});
						dispatch({type: 'focus', pane: 'namespaces'});
						dispatch({type: 'closeOverlay'});
					}}
				/>
			) : detail ? (
				<DetailOverlay title={detail.title} lines={detail.lines} width={columns} height={layout.bodyHeight} scroll={state.overlayScroll} />
			) : (
				<ExplorerPanes state={state} layout={layout} />
			)}
			{learning?.visible ? (
				<TutorialPanel
					progress={learning.progress}
					statuses={learning.statuses}
					log={state.log.slice(learning.progress.logFrom)}
					width={room.columns || screenColumns}
					height={room.rows || layout.bodyHeight}
				/>
			) : null}
			</Box>
			<Footer
				scopes={[
					...(state.overlay?.kind === 'exec' ? lookScopes(state.overlay.view) : formOpen || state.overlay?.kind === 'keep' ? [] : activeScopes(state)),
					...(learning ? (['tutorial'] as const) : []),
				]}
				width={screenColumns}
				acts={footerActs(state, readOnly)}
				keymap={offeredFor(selectedLink(state))}
			/>
		</Box>
	);
}
