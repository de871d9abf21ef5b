// What the look-inside features (ping, one command, a shell) and the log's script form show in place of the panes. One Overlay kind
// in the reducer carries it, so these features add no actions there.
import type {CapturePlan} from '../plans/forms/capture-form.js';
import type {CommandPlan, PingPlan} from '../plans/forms/exec-forms.js';
import type {FormSpec} from '../plans/forms/form-spec.js';
import type {ScriptPlan} from '../plans/forms/script-form.js';

export type ExecView =
	| {readonly panel: 'pingForm'; readonly spec: FormSpec<PingPlan>}
	| {readonly panel: 'ping'}
	| {readonly panel: 'commandForm'; readonly spec: FormSpec<CommandPlan>}
	| {readonly panel: 'output'}
	/** C on an interface: the filter; after Enter, tcpdump's check, then the capture streaming. */
	| {readonly panel: 'captureForm'; readonly spec: FormSpec<CapturePlan>}
	| {readonly panel: 'capture'}
	/** w in the command log: where to write it as a script; `write` writes it there, `cancel` goes back to the log. */
	| {readonly panel: 'scriptForm'; readonly spec: FormSpec<ScriptPlan>; readonly write: (plan: ScriptPlan) => void; readonly cancel: () => void}
	/** The terminal belongs to a shell: nothing may read keys or draw until it exits. */
	| {readonly panel: 'shell'; readonly ns: string};
