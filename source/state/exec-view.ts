// What the look-inside features (ping, one command, a shell) show in place of the panes. One Overlay kind
// in the reducer carries it, so these features add no actions there.
import type {FormSpec} from '../ui/forms/form-spec.js';

export type ExecView =
	| {readonly panel: 'pingForm'; readonly spec: FormSpec}
	| {readonly panel: 'ping'}
	| {readonly panel: 'commandForm'; readonly spec: FormSpec}
	| {readonly panel: 'output'}
	/** The terminal belongs to a shell: nothing may read keys or draw until it exits. */
	| {readonly panel: 'shell'; readonly ns: string};
