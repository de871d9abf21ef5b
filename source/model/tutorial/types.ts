// A tutorial is data (one JSON file per tutorial, validated by validate.ts): numbered steps, each with its
// goal in plain words, the `ip` commands it teaches, hints, and a check: a pure predicate over the same
// world the panes show (checks.ts), so a step turns ✓ however it was done — nsdeck's keys, or commands
// typed by hand in `s` or `x` — and back to ☐ when undone.

/** A namespace: 'host', or an `ip netns` name. */
export type NsName = string;

/** One interface, by namespace and name; without `ns`, in any namespace. */
export interface LinkSelector {
	readonly ns?: NsName;
	readonly name: string;
}

export type Check =
	/** The namespace exists. */
	| {readonly namespace: NsName}
	/** The interface exists, and matches each property given. */
	| {readonly link: LinkSelector & {readonly kind?: string; readonly up?: boolean; readonly state?: string; readonly master?: string; readonly mtu?: number}}
	/** The interface carries the address (with its prefix length, as `ip addr add` takes it). */
	| {readonly address: {readonly ns: NsName; readonly dev?: string; readonly cidr: string}}
	/** Two interfaces are the two ends of one veth pair. */
	| {readonly veth: {readonly a: LinkSelector; readonly b: LinkSelector}}
	/** IP forwarding of a family (4 unless said) is on or off. */
	| {readonly forwarding: {readonly ns: NsName; readonly family?: 4 | 6; readonly on: boolean}}
	/** A route to `to` ('default' or a prefix), through `via` and/or out of `dev` when given. */
	| {readonly route: {readonly ns: NsName; readonly to: string; readonly via?: string; readonly dev?: string}}
	/**
	 * The last ping from `from` to `to` this session was answered; with answered: false, one was seen to fail
	 * (and that stays so when a later one is answered: the step was to see it fail).
	 */
	| {readonly ping: {readonly from: NsName; readonly to: string; readonly answered?: boolean}}
	/**
	 * `ns` answered at least `count` (1 unless said) echo requests since the tutorial began, by its own ICMP
	 * counters (/proc/net/snmp there: InEchos and OutEchoReps): a ping from any program counts, one typed
	 * in a shell (s) included.
	 */
	| {readonly echoed: {readonly ns: NsName; readonly count?: number}}
	| {readonly all: readonly Check[]}
	| {readonly any: readonly Check[]}
	| {readonly not: Check};

export interface TutorialStep {
	/** What the learner makes happen, in plain words. */
	readonly goal: string;
	/** Why, or what to notice, in a sentence or two. */
	readonly explain?: string;
	/** The `ip` commands this step teaches, as typed at a shell. */
	readonly commands: readonly string[];
	/** Shown one at a time, on request. */
	readonly hints: readonly string[];
	readonly check: Check;
	/** What the map highlights while this is the current step. */
	readonly focus?: readonly LinkSelector[];
}

export interface Tutorial {
	/** The file's name without .json: what `nsdeck tutorial NAME` takes. */
	readonly name: string;
	readonly title: string;
	readonly summary: string;
	/**
	 * `ip` commands (argv, `ip` first) run in the lab before the first step: the world the tutorial starts
	 * from, e.g. a broken one to repair.
	 */
	readonly setup: ReadonlyArray<readonly string[]>;
	/**
	 * Instead of setup, a world file (`nsdeck save`'s format, or netnsplan's) naming that world: as written
	 * in the tutorial, then resolved beside the tutorial's file (system/tutorial-file.ts), whose plan from
	 * the empty lab becomes the setup (plans/tutorial-setup-plan.ts).
	 */
	readonly world?: string;
	readonly steps: readonly TutorialStep[];
}

/** A ping the learner ran, as the checks see it. */
export interface PingRecord {
	readonly from: NsName;
	readonly to: string;
	readonly answered: boolean;
}
