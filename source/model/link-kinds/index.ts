// The link kinds nsdeck knows: each one's facts (from `ip -j -d`'s linkinfo, or the helper's same JSON),
// their text, how the kind is wired, and how nsdeck makes it. To read a new kind: a file here (kind.ts
// says what it may tell), a line in KINDS, and its info_data in the helper (native/link-kinds.c).
import {bond} from './bond.js';
import {bridge} from './bridge.js';
import type {StackedCreation} from './creation.js';
import {dummy} from './dummy.js';
import {geneve} from './geneve.js';
import {gre} from './gre.js';
import {ifb} from './ifb.js';
import {ipvlan, ipvtap} from './ipvlan.js';
import {asObject, asString, type KindSpec} from './kind.js';
import {macvlan, macvtap} from './macvlan.js';
import {otherText, readOther, type OtherFacts} from './other.js';
import {team} from './team.js';
import {tun} from './tun.js';
import {veth} from './veth.js';
import {vlan} from './vlan.js';
import {vrf} from './vrf.js';
import {vxlan} from './vxlan.js';
import {wireguard} from './wireguard.js';

/** In the order the "New device" form offers the kinds it makes. */
const KINDS = [veth, bridge, macvlan, macvtap, vxlan, vlan, ipvlan, ipvtap, bond, vrf, team, tun, ifb, dummy, wireguard, gre, geneve] as const;

type FactsOf<S> = S extends KindSpec<infer F> ? F : never;

/** What ip -d says of a link's kind (linkinfo.info_data), as nsdeck reads it: one shape per kind. */
export type LinkFacts = FactsOf<(typeof KINDS)[number]> | OtherFacts;

// Each spec is only ever handed the facts its own `read` made (their `kind` names it), so it is stored
// with the union's type.
const asAny = (spec: (typeof KINDS)[number]): KindSpec<LinkFacts> => spec as unknown as KindSpec<LinkFacts>;
const BY_NAME: ReadonlyMap<string, KindSpec<LinkFacts>> = new Map(KINDS.flatMap((spec) => spec.names.map((name) => [name, asAny(spec)] as const)));

const specOf = (kind: string): KindSpec<LinkFacts> | undefined => BY_NAME.get(kind === 'tap' ? 'tun' : kind);

/** The kind and facts of a link from its `linkinfo` (and `link_type`, which tells a loopback). */
export function readLinkInfo(linkinfo: unknown, linkType: unknown): {readonly kind: string; readonly facts?: LinkFacts} {
	const info = asObject(linkinfo);
	const name = asString(info?.info_kind);
	if (!name) return {kind: linkType === 'loopback' ? 'loopback' : 'device'};
	const data = asObject(info?.info_data);
	const spec = BY_NAME.get(name);
	const facts: LinkFacts | undefined = !data ? undefined : spec ? spec.read?.(data) : readOther(data);
	const kind = facts && spec?.linkKind ? spec.linkKind(facts) : name;
	return facts ? {kind, facts} : {kind};
}

/**
 * What ip -d says of a link's kind, in a few words: `mode bridge`, `id 42 remote 10.9.9.9 port 4789 dev
 * eth0`, `id 10 802.1Q`. Empty for kinds with nothing to add.
 */
export function kindFactsText(facts: LinkFacts | undefined): string {
	if (!facts) return '';
	if (facts.kind === 'other') return otherText(facts);
	return specOf(facts.kind)?.text?.(facts) ?? '';
}

/** Sits on a lower device named by its `link` (macvlan, macvtap, ipvlan, ipvtap, vlan). */
export const isStackedKind = (kind: string): boolean => specOf(kind)?.stacked === true;

/** The kinds isStackedKind says yes to, for a lookup by set. */
export const STACKED_KINDS: ReadonlySet<string> = new Set(KINDS.flatMap((spec) => (spec.stacked ? spec.names : [])));

/** A master whose members are drawn as hubs of their own kind, not bridge ports (bond, vrf, team). */
export const isGroupKind = (kind: string): boolean => specOf(kind)?.group === true;

/** Whether the kind names, in its data, a device it sends through and is deleted with (vxlan). */
export const hasUnderlay = (kind: string): boolean => specOf(kind)?.underlay !== undefined;

/** On a lower device, or sending through one: made after it, deleted before it (the kernel takes it along). */
export const sitsOnAnother = (kind: string): boolean => isStackedKind(kind) || hasUnderlay(kind);

/** The device a link sends through and is deleted with, named in its data (a vxlan's `dev`). */
export function underlayOf(link: {readonly kind: string; readonly facts?: LinkFacts}): string | undefined {
	return link.facts ? specOf(link.kind)?.underlay?.(link.facts) : undefined;
}

/** How `nsdeck show --dot`/`--mermaid` draw a hub of this kind; undefined for a plain box. */
export const hubShape = (kind: string): KindSpec['hub'] => specOf(kind)?.hub;

/** The kinds nsdeck makes on a lower device, in the form's order, with how. */
export const CREATABLE: ReadonlyArray<readonly [string, StackedCreation]> = KINDS.flatMap((spec) => {
	const creation = spec.creation;
	return creation ? spec.names.map((name) => [name, creation] as const) : [];
});

export const creationOf = (kind: string): StackedCreation | undefined => CREATABLE.find(([name]) => name === kind)?.[1];
