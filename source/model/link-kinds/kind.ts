// What the registry (index.ts) knows of one link kind, or of a family of kinds that ip prints alike: the
// names ip gives it (linkinfo.info_kind), its facts as ip -j -d prints them in linkinfo.info_data, their
// text, how it is wired (stacked on a lower device, a master of members, a hub of its own shape), and how
// nsdeck makes it, where it does (creation.ts). The helper decodes the same info_data keys
// (native/link-kinds.c).
import type {StackedCreation} from './creation.js';

export type Json = Readonly<Record<string, unknown>>;

export const asString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const asNumber = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/** `{key: value}` when the value is there (not an empty text), else nothing: for spreading optional facts. */
export const some = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> => (value === undefined || value === '' ? {} : ({[key]: value} as Record<K, V>));

/** `['remote', '10.0.0.2']`, or nothing when the value is absent: for a kind's text. */
export const words = (key: string, value: string | number | undefined): string[] => (value === undefined ? [] : key === '' ? [String(value)] : [key, String(value)]);

export interface KindSpec<F extends {readonly kind: string} = {readonly kind: string}> {
	/** ip's info_kind of each kind this spec reads. */
	readonly names: readonly string[];
	/** Its facts from info_data; undefined when ip prints none nsdeck shows. */
	readonly read?: (data: Json) => F | undefined;
	/** The facts in a few words, as the panes, the detail view and the map show them; '' for nothing. */
	readonly text?: (facts: F) => string;
	/** Sits on a lower device that ip names by `link`/`link_index` (not a veth, whose `link` is its peer). */
	readonly stacked?: boolean;
	/** The device its data names as the one it sends through, which the kernel deletes it with (a vxlan's `dev`). */
	readonly underlay?: (facts: F) => string | undefined;
	/** A master whose members are not bridge ports: drawn as hubs of their own kind (bond, vrf, team). */
	readonly group?: boolean;
	/** How `nsdeck show --dot` and `--mermaid` draw it, when it is a hub. */
	readonly hub?: {readonly dot: string; readonly mermaid: (label: string) => string};
	/** How the "New device" form makes it on a lower device (`+`). */
	readonly creation?: StackedCreation;
	/** The kind nsdeck calls a link of it, when its facts tell more than ip's name (tun or tap). */
	readonly linkKind?: (facts: F) => string;
}

/** A spec with its facts' type checked where it is written; the registry only hands it facts it read. */
export const defineKind = <F extends {readonly kind: string} = never>(spec: KindSpec<F>): KindSpec<F> => spec;

export const asObject = (v: unknown): Json | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined);
