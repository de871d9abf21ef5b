// How nsdeck makes a kind on a lower device (the `+` form, plans/stacked-device-plan.ts): which of the
// form's kind-specific fields it reads, what it checks, and the `ip link add … type KIND` arguments.
// The fields are shared by every creatable kind and drawn in STACKED_FIELDS' order; a field only some
// kinds read says which in its label, and the others ignore it (the preview shows exactly what runs).
export type StackedFieldId = 'mode' | 'ipvlanMode' | 'id' | 'dstport' | 'remote' | 'local';

export interface StackedField {
	readonly id: StackedFieldId;
	readonly label: string;
	readonly kind: 'choice' | 'text';
	readonly options?: readonly string[];
	readonly placeholder?: string;
	readonly initial: string;
}

export const MACVLAN_MODES = ['bridge', 'private', 'vepa', 'passthru'] as const;
export const IPVLAN_MODES = ['l2', 'l3', 'l3s'] as const;
/** IANA's VXLAN port; Linux's own default (8472) predates it and does not talk to other stacks. */
export const VXLAN_PORT = 4789;

export const STACKED_FIELDS: readonly StackedField[] = [
	{id: 'mode', label: 'Mode (macvlan/tap)', kind: 'choice', options: MACVLAN_MODES, initial: 'bridge'},
	{id: 'ipvlanMode', label: 'Mode (ipvlan)', kind: 'choice', options: IPVLAN_MODES, initial: 'l2'},
	{id: 'id', label: 'VLAN id / VNI', kind: 'text', placeholder: 'vlan ≤4094, VNI ≤16777215', initial: ''},
	{id: 'dstport', label: 'Port (vxlan)', kind: 'text', initial: String(VXLAN_PORT)},
	{id: 'remote', label: 'Remote (vxlan)', kind: 'text', placeholder: 'optional; or a group', initial: ''},
	{id: 'local', label: 'Local (vxlan)', kind: 'text', placeholder: 'optional', initial: ''},
];

/** What the plan takes of a new stacked device: its place, and the facts of its kind. */
export interface StackedValues {
	readonly kind: string;
	/** The lower device and its namespace. */
	readonly parentNs: string;
	readonly parent: string;
	readonly name: string;
	/** Where the new device lives: the parent's namespace or another. */
	readonly into: string;
	readonly up: boolean;
	/** macvlan, macvtap: bridge, private, vepa, passthru; ipvlan: l2, l3, l3s. */
	readonly mode?: string;
	/** vlan: its id; vxlan: the VNI. */
	readonly id?: number;
	/** vxlan: UDP port, the other end (unicast) or the multicast group, and the local address to send from. */
	readonly dstport?: number;
	readonly remote?: string;
	readonly group?: string;
	readonly local?: string;
}

/** The kind-specific part of StackedValues. */
export type KindValues = Omit<StackedValues, 'kind' | 'parentNs' | 'parent' | 'name' | 'into' | 'up'>;

/** What a kind's checks may ask: the form's text, and the parent's namespace. */
export interface CreationInput {
	readonly text: (id: StackedFieldId | 'name') => string;
	readonly parentNs: string;
	/** Whether some interface in the parent's namespace has this address. */
	readonly hasAddress: (address: string) => boolean;
}

export interface StackedCreation {
	readonly fields: readonly StackedFieldId[];
	/** Default names are STEM0, STEM1, … */
	readonly nameStem: string;
	/** How `ip link add` names the lower device: `link PARENT`, or `dev PARENT` (a vxlan's underlay). */
	readonly lower: 'link' | 'dev';
	/** A name of its own to try first (a vlan's PARENT.ID). */
	readonly preferredName?: (parent: string, id: number | undefined) => string | undefined;
	readonly check?: (input: CreationInput) => Partial<Record<StackedFieldId, string | undefined>>;
	readonly values: (text: (id: StackedFieldId) => string) => KindValues;
	readonly typeArgs: (v: StackedValues) => string[];
	/** What the plan says beyond the commands. */
	readonly consequences?: (v: StackedValues) => string[];
}
