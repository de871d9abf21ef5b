// What a key binding is: its id, its scope, and the facts of a row of the key table (keymap.ts).
// One id names one action; a row lists the keys that do it in one scope.

export type Scope =
	| 'global'
	| 'lists'
	| 'namespaces'
	| 'interfaces'
	| 'routes'
	| 'overlay'
	| 'log'
	| 'filter'
	| 'ping'
	| 'output'
	| 'capture'
	| 'map'
	| 'form'
	| 'keep'
	| 'tutorial'
	| 'picker';

export type BindingId =
	| 'quit'
	| 'help'
	| 'nextPane'
	| 'prevPane'
	| 'up'
	| 'down'
	| 'pageUp'
	| 'pageDown'
	| 'home'
	| 'end'
	| 'detail'
	| 'close'
	| 'refresh'
	| 'focusNamespaces'
	| 'focusInterfaces'
	| 'focusRoutes'
	| 'newNamespace'
	| 'deleteNamespace'
	| 'attach'
	| 'forwarding'
	| 'pingFix'
	| 'veth'
	| 'bridge'
	| 'connect'
	| 'detach'
	| 'move'
	| 'address'
	| 'toggleUp'
	| 'deleteInterface'
	| 'shape'
	| 'addRoute'
	| 'deleteRoute'
	| 'log'
	| 'exportLog'
	| 'topology'
	| 'copyLog'
	| 'scrollUp'
	| 'scrollDown'
	| 'filter'
	| 'clearFilter'
	| 'filterDone'
	| 'filterErase'
	| 'ping'
	| 'shell'
	| 'runCommand'
	| 'capture'
	| 'keepCapture'
	| 'stopOrClose'
	| 'pingAgain'
	| 'outputUp'
	| 'outputDown'
	| 'outputPageUp'
	| 'outputPageDown'
	| 'outputTop'
	| 'outputEnd'
	| 'pauseOutput'
	| 'tutorials'
	| 'tutorialHint'
	| 'tutorialToggle'
	| 'tutorialScrollDown'
	| 'tutorialScrollUp'
	| 'editInterface'
	| 'stackDevice'
	| 'otherEnd'
	| 'panUp'
	| 'panDown'
	| 'panLeft'
	| 'panRight'
	| 'mapPageUp'
	| 'mapPageDown'
	| 'mapOrigin'
	| 'mapNext'
	| 'mapPrevious'
	| 'mapChoose'
	| 'formNext'
	| 'formPrevious'
	| 'formUp'
	| 'formDown'
	| 'formChoosePrevious'
	| 'formChooseNext'
	| 'formSpace'
	| 'formSubmit'
	| 'formConfirm'
	| 'formErase'
	| 'formClear'
	| 'formCopy'
	| 'formPageUp'
	| 'formPageDown'
	| 'formHome'
	| 'formEnd'
	| 'keepChange'
	| 'undoKept'
	| 'scrollPageUp'
	| 'scrollPageDown'
	| 'logTop'
	| 'logEnd'
	| 'toggleWrap'
	| 'sidewaysLeft'
	| 'sidewaysRight'
	| 'pickerUp'
	| 'pickerDown'
	| 'pickerChoose'
	| 'saveWorld'
	| 'applyFile';

export interface Binding {
	readonly id: BindingId;
	/** Key names as `keyName` produces them: 'j', 'up', 'tab', 'shift+tab', 'return', 'ctrl+c', … */
	readonly keys: readonly string[];
	readonly scope: Scope;
	readonly description: string;
	/** Shown in the footer (short label) when the scope applies. */
	readonly hint?: string;
	/** Changes the system in a way that cannot simply be undone: asks first. */
	readonly dangerous?: boolean;
	/**
	 * Where the footer puts the hint among its scope's hints: most used first (1). Hints without a rank
	 * follow the ranked ones in table order. The footer drops the last ones that do not fit.
	 */
	readonly rank?: number;
	/** Keys the footer shows for the hint, when not just the first: ['up', 'down'] shows `↑↓`. */
	readonly hintKeys?: readonly string[];
	/** Offered (in the footer) only when the selected interface has this: `master` for detaching it. */
	readonly needs?: 'master';
	/** Changes the world (opens a change's form): unavailable in a read-only session. */
	readonly changes?: true;
	/** Looks inside the selected namespace (ping, a command, a shell): opens a panel with keys of its own. */
	readonly looks?: true;
	/**
	 * When it acts: 'panes' only with nothing over the panes; 'selection' on the panes' selection, which
	 * an overlay that shows it (the detail) leaves in reach (state/overlays.ts). Else wherever its scope applies.
	 */
	readonly when?: 'panes' | 'selection';
	/** Opens this overlay (and closes it again): the footer does not offer it while that overlay is open. */
	readonly opens?: 'help' | 'topology' | 'log';
}
