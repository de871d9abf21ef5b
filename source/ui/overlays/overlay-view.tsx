// The overlay registry, as the screen sees it: how each overlay is drawn in the body (the rows between the
// title bar and the footer, beside or above the tutorial panel), and how far the ones the app scrolls go.
// Who reads its keys, its scopes and what it needs of the screen are in state/overlays.ts.
import type {ReactNode} from 'react';
import {Box} from 'ink';
import {Text} from '../text.js';
import {nsDisplayName} from '../../model/netns-id.js';
import {builtinTutorials} from '../../plans/builtin-tutorials.js';
import type {Plan} from '../../plans/plan.js';
import type {SessionRisk} from '../../plans/session-guard.js';
import type {AppState, Overlay} from '../../state/app-state.js';
import type {Action} from '../../state/reducer.js';
import {currentNs, lowerOf, peerOf, portsOf, selectedLink, selectedRoute} from '../../state/selectors.js';
import {currentFocus} from '../../state/tutorial-progress.js';
import {connectionNote, type ConnectionState} from '../../system/ssh-keeper.js';
import type {System} from '../../system/system.js';
import {ExecOverlay} from '../exec-overlay.js';
import {FormView} from '../forms/form-view.js';
import type {LookInside} from '../hooks/use-look-inside.js';
import type {TutorialControls} from '../hooks/use-tutorial.js';
import {TopologyOverlay} from '../topology/topology-overlay.js';
import {DetailOverlay, detailMostScroll} from './detail-overlay.js';
import {linkDetail, namespaceDetail, routeDetail, type DetailLine} from './detail-lines.js';
import {firewallLines, interfaceConfLines} from '../../model/firewall/firewall-lines.js';
import {qdiscLines, trafficLines} from './traffic-lines.js';
import {HelpOverlay, helpMostScroll} from './help-overlay.js';
import {KeepOverlay} from './keep-overlay.js';
import {LogOverlay} from './log-overlay.js';
import {ResultOverlay} from './result-overlay.js';
import {TutorialPicker} from './tutorial-picker.js';
import {foldedDetails, type TitleFacts} from '../title-fit.js';
import type {FleetMapInput} from '../topology/fleet-map.js';

/** What the overlays act with: the app's hooks, gathered once by the root. */
export interface OverlayDeps {
	readonly state: AppState;
	readonly dispatch: (action: Action) => void;
	readonly system: System;
	readonly dryRun: boolean;
	readonly readOnly: boolean;
	readonly interactive: boolean;
	readonly sessionRisk: (plan: Plan) => SessionRisk | undefined;
	readonly keepSeconds: number;
	/** A form's plan: run it (keys typed behind its Enter wait for the run, see use-key-input.ts). */
	readonly submit: (plan: Plan) => void;
	/** Text to the clipboard, the status saying how it went (use-changes.ts). */
	readonly copy: (text: string, what: string) => void;
	readonly keep: () => void;
	readonly undoNow: () => void;
	readonly look: LookInside;
	readonly tutorials: TutorialControls;
	/** What waits to act when the run ends (type-ahead.ts). */
	readonly typedAhead: string;
	/** Several servers: the map draws them all, and the tunnels between them (use-fleet.ts). */
	readonly fleetMap?: () => FleetMapInput;
}

export interface Frame {
	readonly width: number;
	readonly height: number;
}

type Draw<K extends Overlay['kind']> = (overlay: Extract<Overlay, {kind: K}>, deps: OverlayDeps, frame: Frame) => ReactNode;

/** The detail of what is selected in the focused pane, if anything is. */
export function detailOf(state: AppState): {title: string; lines: DetailLine[]} | undefined {
	const ns = currentNs(state);
	if (!ns) return undefined;
	// Sysctls and the firewall are read when the detail opens (app.tsx), for this namespace only.
	const facts = state.overlay?.kind === 'detail' && state.overlay.facts?.ns === ns.id ? state.overlay.facts : undefined;
	if (state.focus === 'interfaces') {
		const link = selectedLink(state);
		const conf = facts ? interfaceConfLines(facts.conf, link?.name ?? '') : [];
		const qdiscs = state.qdiscs?.nsId === ns.id ? state.qdiscs.list : undefined;
		const traffic = state.traffic?.nsId === ns.id ? state.traffic.links.get(link?.ifindex ?? -1) : undefined;
		return (
			link && {
				title: `Interface ${link.name}`,
				lines: [...linkDetail(ns, link, peerOf(state, ns, link), portsOf(state, ns, link), lowerOf(state, ns, link)), ...conf, ...qdiscLines(link.qdisc, qdiscs?.filter((q) => q.dev === link.name)), ...trafficLines(traffic)],
			}
		);
	}
	if (state.focus === 'routes') {
		const route = selectedRoute(state);
		return route && {title: `Route in ${ns.id}`, lines: routeDetail(ns, route)};
	}
	return {title: `Namespace ${nsDisplayName(ns.id)}`, lines: [...namespaceDetail(ns), ...(facts ? firewallLines(facts.firewall) : [])]};
}

const close = (deps: OverlayDeps) => (): void => deps.dispatch({type: 'closeOverlay'});

const VIEWS: {readonly [K in Overlay['kind']]: Draw<K>} = {
	form: (o, d, f) =>
		d.state.world && (
			<FormView
				spec={o.spec}
				world={d.state.world}
				{...f}
				dryRun={d.dryRun}
				isFocused={d.interactive}
				sessionRisk={d.sessionRisk}
				keepSeconds={d.keepSeconds}
				onSubmit={d.submit}
				host={d.system.host}
				onCancel={close(d)}
				onCopy={(text) => d.copy(text, 'the commands')}
			/>
		),
	exec: (o, d, f) => d.state.world && <ExecOverlay view={o.view} look={d.look} world={d.state.world} {...f} dryRun={d.dryRun} isFocused={d.interactive} onCancel={close(d)} onCopy={(text) => d.copy(text, 'the commands')} />,
	running: (o, d, f) => (
		<Box height={f.height} paddingX={1} flexDirection="column">
			<Text>running: {o.title}…</Text>
			{d.typedAhead ? <Text wrap="wrap">typed ahead: {d.typedAhead} — acts when this ends</Text> : null}
		</Box>
	),
	keep: (o, d, f) => <KeepOverlay title={o.title} deadline={o.deadline} {...f} isFocused={d.interactive} onKeep={d.keep} onUndo={d.undoNow} />,
	result: (o, _d, f) => <ResultOverlay result={o.result} {...f} />,
	log: (_o, d, f) => <LogOverlay entries={d.state.log} {...f} dryRun={d.dryRun} scroll={d.state.overlayScroll} />,
	tutorials: (_o, d, f) => (
		<TutorialPicker
			tutorials={builtinTutorials()}
			current={d.tutorials.view?.progress.tutorial.name}
			lab={d.system.lab}
			misfit={d.tutorials.misfit}
			{...f}
			isFocused={d.interactive}
			onChoose={(chosen) => void d.tutorials.follow(chosen)}
			onCancel={close(d)}
		/>
	),
	help: (_o, d, f) => <HelpOverlay {...f} scroll={d.state.overlayScroll} readOnly={d.readOnly} status={titleStatus(d.system, d.dryRun, d.state, f.width)} />,
	topology: (_o, d, f) => {
		const learning = d.tutorials.view;
		return (
			<TopologyOverlay
				world={d.state.world ?? {namespaces: []}}
				topology={d.state.topology}
				selectedNs={d.state.selectedNs}
				{...f}
				isActive={d.interactive}
				highlight={learning && currentFocus(learning.progress, learning.statuses)}
				fleet={d.fleetMap?.()}
				traffic={d.state.traffic}
				onChoose={(id) => {
					d.dispatch({type: 'selectNs', id});
					d.dispatch({type: 'focus', pane: 'namespaces'});
					d.dispatch({type: 'closeOverlay'});
				}}
			/>
		);
	},
	detail: (_o, d, f) => {
		const detail = detailOf(d.state);
		return detail && <DetailOverlay title={detail.title} lines={detail.lines} {...f} scroll={d.state.overlayScroll} />;
	},
};

/** The open overlay as drawn in `frame`; undefined when the panes show (nothing open, or nothing to show yet). */
export function overlayView(deps: OverlayDeps, frame: Frame): ReactNode {
	const overlay = deps.state.overlay;
	if (!overlay) return undefined;
	const draw = VIEWS[overlay.kind] as Draw<typeof overlay.kind>;
	return draw(overlay, deps, frame) || undefined;
}

/** What the title bar says: the world, whether it can change, and what is happening (title-fit.ts). */
export const titleFactsOf = (system: System, dryRun: boolean, state: AppState, connection?: ConnectionState): TitleFacts => {
	// A lost server says so before anything else, with the time of its last read: what shows may be stale,
	// and a failed read then is no news.
	const lost = system.host && connection ? connectionNote(system.host, connection) : undefined;
	return {
		lab: system.lab,
		dryRun,
		readOnlyReason: system.access.reason,
		note: lost ? undefined : system.host ? `on ${system.host} over ssh` : system.slowReader,
		unseen: state.unseen,
		loading: state.loading,
		progress: state.progress,
		message: lost ? {text: lost, tone: 'error'} : state.error ? {text: `cannot read the network: ${state.error}`, tone: 'error'} : state.message,
	};
};

/** What the title bar folds into badges at `width`, in full: the help lists it. */
export const titleStatus = (system: System, dryRun: boolean, state: AppState, width: number): string[] => foldedDetails(titleFactsOf(system, dryRun, state), width);

/** How far the help or the detail scrolls in `frame`: the keys stop there (use-app-keys.ts). */
export function overlayMostScroll(state: AppState, frame: Frame, readOnly: boolean, status: readonly string[] = []): number {
	if (state.overlay?.kind === 'help') return helpMostScroll(frame.width, frame.height, readOnly, status);
	const detail = state.overlay?.kind === 'detail' ? detailOf(state) : undefined;
	return detail ? detailMostScroll(detail.lines, frame.height) : 0;
}
