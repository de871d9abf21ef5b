// The app's state: what the reducer (reducer.ts) keeps, and what selectors and the UI read. In a
// file of their own, so that helpers of the reducer (filter-state.ts, selectors.ts) import it without
// importing the reducer that imports them.
import type {NamespaceFacts} from '../model/diagnosis/evidence.js';
import type {Topology} from '../model/topology.js';
import type {NamespaceTraffic} from '../model/traffic/rates.js';
import type {Qdisc} from '../model/traffic/qdisc.js';
import type {LinkRef, World} from '../model/types.js';
import type {FormSpec} from '../plans/forms/form-spec.js';
import type {Plan} from '../plans/plan.js';
import type {LogEntry, PlanResult} from '../plans/run-plan.js';
import type {ExecView} from './exec-view.js';
import type {ReadProgress} from './world-updates.js';

export type Pane = 'namespaces' | 'interfaces' | 'routes';
export const PANES: readonly Pane[] = ['namespaces', 'interfaces', 'routes'];

export type Overlay =
	| {readonly kind: 'help'}
	/** `facts`: the namespace's sysctls and firewall, once read (they are not part of the World). */
	| {readonly kind: 'detail'; readonly facts?: NamespaceFacts}
	| {readonly kind: 'form'; readonly spec: FormSpec}
	| {readonly kind: 'running'; readonly title: string}
	/** A change on the path of the user's SSH session ran: it is undone at `deadline` unless kept (k). */
	| {readonly kind: 'keep'; readonly title: string; readonly deadline: number}
	| {readonly kind: 'result'; readonly result: PlanResult}
	| {readonly kind: 'log'}
	| {readonly kind: 'topology'}
	/** The tutorials to choose from (in the lab). */
	| {readonly kind: 'tutorials'}
	| {readonly kind: 'exec'; readonly view: ExecView};

export interface AppState {
	readonly world?: World;
	readonly topology: Topology;
	readonly loading: boolean;
	readonly error?: string;
	readonly focus: Pane;
	readonly selectedNs: string;
	/** Several servers: the cursor is on the active server's heading, where no namespace is selected. */
	readonly onServerHeading?: boolean;
	/** Selected interface name and route key, per namespace, so moving between namespaces keeps them. */
	readonly selectedLink: Readonly<Record<string, string>>;
	readonly selectedRoute: Readonly<Record<string, string>>;
	readonly overlay?: Overlay;
	readonly message?: {readonly text: string; readonly tone: 'info' | 'error'};
	/** How far the help or log overlay is scrolled: + down, − up, from where it opened. */
	readonly overlayScroll: number;
	/** Every command nsdeck ran (or would have, in a dry run), oldest first. */
	readonly log: readonly LogEntry[];
	/** What discovery could not look at, by reason → count (e.g. processes of other users): shown in the title bar. */
	readonly unseen?: Readonly<Record<string, number>>;
	/** While a large world loads in the background: how many namespaces have been read. */
	readonly progress?: ReadProgress;
	/** Filter text per pane (`/`); and the pane whose filter is being typed, if any. */
	readonly filters: Readonly<Partial<Record<Pane, string>>>;
	readonly filtering?: Pane;
	/** The last `o` (other end): pressed again on `to`, it goes back to `from`. */
	readonly jump?: Jump;
	/** Dry run: the plans confirmed so far, in order, not run; `world` shows their effects (planned-state.ts). */
	readonly planned?: readonly Plan[];
	/** Dry run with plans: the world as last read, before their effects. */
	readonly readWorld?: World;
	/** The selected namespace's counters and rates, read once a second while its interfaces show (traffic-sync.ts). */
	readonly traffic?: NamespaceTraffic;
	/** The selected namespace's qdiscs (tc -j qdisc show), read when one of its links has a qdisc not the default. */
	readonly qdiscs?: {readonly nsId: string; readonly list: readonly Qdisc[]};
}

export interface Jump {
	readonly from: LinkRef;
	readonly to: LinkRef;
}
