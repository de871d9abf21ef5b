// Every key binding as data, as k9s's KeyActions are: the input layer (ui/hooks/use-key-input.ts) looks a
// key up here and calls the handler of its binding id; the help overlay and the footer hints are built from
// this table; whether a key acts now, and in a read-only session, is its row's `when` and `changes`
// (key-availability.ts). A test checks that no two bindings clash within one scope.

import type {Binding, Scope} from './binding.js';

export type {Binding, BindingId, Scope} from './binding.js';

/** The bindings worth offering for the selected interface: those whose `needs` it meets. */
export const offeredFor = (link: {readonly master?: string} | undefined, keymap: readonly Binding[] = KEYMAP): readonly Binding[] =>
	keymap.filter((b) => b.needs !== 'master' || link?.master !== undefined);

export const KEYMAP: readonly Binding[] = [
	{id: 'quit', keys: ['q', 'ctrl+c'], scope: 'global', description: 'quit', hint: 'quit', rank: 8},
	{id: 'help', keys: ['?'], scope: 'global', description: 'help: every key', hint: 'help', opens: 'help'},
	{id: 'nextPane', keys: ['tab'], scope: 'global', description: 'next pane', hint: 'pane', rank: 7, when: 'panes'},
	{id: 'prevPane', keys: ['shift+tab'], scope: 'global', description: 'previous pane', when: 'panes'},
	{id: 'focusNamespaces', keys: ['1'], scope: 'global', description: 'namespaces pane', when: 'panes'},
	{id: 'focusInterfaces', keys: ['2'], scope: 'global', description: 'interfaces pane', when: 'panes'},
	{id: 'focusRoutes', keys: ['3'], scope: 'global', description: 'routes pane', when: 'panes'},
	{id: 'refresh', keys: ['ctrl+r'], scope: 'global', description: 'read the world again'},
	{id: 'topology', keys: ['t'], scope: 'global', description: 'topology map', hint: 'map', rank: 3, opens: 'topology'},
	{id: 'up', keys: ['up', 'k'], scope: 'lists', description: 'move up'},
	// No footer hint: arrows are what everyone tries first (and `↓ move` read like the m key's hint).
	{id: 'down', keys: ['down', 'j'], scope: 'lists', description: 'move down'},
	{id: 'pageUp', keys: ['pageup'], scope: 'lists', description: 'page up'},
	{id: 'pageDown', keys: ['pagedown'], scope: 'lists', description: 'page down'},
	{id: 'home', keys: ['home', 'g'], scope: 'lists', description: 'first item'},
	{id: 'end', keys: ['end', 'G'], scope: 'lists', description: 'last item'},
	{id: 'detail', keys: ['return'], scope: 'lists', description: 'detail of the item; on a server\'s heading: fold or unfold it', hint: 'detail', rank: 1},
	{id: 'veth', keys: ['v'], scope: 'global', description: 'add a veth pair', hint: 'veth', rank: 1, changes: true, when: 'selection'},
	{id: 'bridge', keys: ['b'], scope: 'global', description: 'add a bridge', hint: 'bridge', rank: 6, changes: true, when: 'selection'},
	{id: 'saveWorld', keys: ['W'], scope: 'global', description: 'save the world as a file', when: 'panes'},
	{id: 'applyFile', keys: ['A'], scope: 'global', description: 'apply a world file', changes: true, when: 'selection'},
	{id: 'log', keys: ['l'], scope: 'global', description: 'command log', hint: 'log', rank: 5, opens: 'log'},
	{id: 'newNamespace', keys: ['n'], scope: 'namespaces', description: 'new namespace', hint: 'new', rank: 1, changes: true, when: 'selection'},
	{id: 'deleteNamespace', keys: ['d'], scope: 'namespaces', description: 'delete namespace', hint: 'delete', dangerous: true, rank: 4, changes: true, when: 'selection'},
	{id: 'attach', keys: ['N'], scope: 'namespaces', description: 'name a namespace that has none (ip netns attach)', changes: true, when: 'selection'},
	{id: 'forwarding', keys: ['f'], scope: 'namespaces', description: 'IP forwarding on/off', hint: 'forwarding', rank: 3, changes: true, when: 'selection'},
	{id: 'toggleUp', keys: ['space'], scope: 'interfaces', description: 'set up / down', hint: 'up/down', rank: 2, changes: true, when: 'selection'},
	{id: 'address', keys: ['a'], scope: 'interfaces', description: 'add an address', hint: 'address', rank: 1, changes: true, when: 'selection'},
	{id: 'connect', keys: ['c'], scope: 'interfaces', description: 'connect to a bridge', hint: 'connect', rank: 3, changes: true, when: 'selection'},
	{id: 'detach', keys: ['u'], scope: 'interfaces', description: 'detach from its bridge (nomaster)', hint: 'detach', needs: 'master', rank: 4, changes: true, when: 'selection'},
	{id: 'move', keys: ['m'], scope: 'interfaces', description: 'move to a namespace', hint: 'move', rank: 4, changes: true, when: 'selection'},
	{id: 'addRoute', keys: ['r'], scope: 'interfaces', description: 'add a route', hint: 'route', rank: 5, changes: true, when: 'selection'},
	{id: 'editInterface', keys: ['e'], scope: 'interfaces', description: 'change its name, MTU or MAC', hint: 'edit', rank: 8, changes: true, when: 'selection'},
	{id: 'stackDevice', keys: ['+'], scope: 'interfaces', description: 'new macvlan, macvtap, vxlan, vlan or ipvlan on it', hint: 'stack', rank: 9, changes: true, when: 'selection'},
	// c is connect: C (capture) is its capital, as Q is shaping's.
	{id: 'capture', keys: ['C'], scope: 'interfaces', description: 'capture its packets (tcpdump), live; keep them as a pcap', hint: 'capture', rank: 11, looks: true, when: 'selection'},
	{id: 'shape', keys: ['Q'], scope: 'interfaces', description: 'shape what it sends (tc)', hint: 'shape', rank: 10, changes: true, when: 'selection'},
	{id: 'otherEnd', keys: ['o'], scope: 'interfaces', description: 'other end (veth peer, lower device); o again: back', hint: 'other end', rank: 7, when: 'panes'},
	{id: 'deleteInterface', keys: ['d'], scope: 'interfaces', description: 'delete it or an address', hint: 'delete', dangerous: true, rank: 6, changes: true, when: 'selection'},
	{id: 'addRoute', keys: ['r'], scope: 'routes', description: 'add a route', hint: 'add', rank: 1, changes: true, when: 'selection'},
	{id: 'deleteRoute', keys: ['d'], scope: 'routes', description: 'delete the route', hint: 'delete', rank: 2, changes: true, when: 'selection'},
	{id: 'close', keys: ['escape'], scope: 'overlay', description: 'close / cancel', hint: 'close'},
	{id: 'scrollUp', keys: ['up', 'k'], scope: 'overlay', description: 'scroll up'},
	{id: 'scrollDown', keys: ['down', 'j'], scope: 'overlay', description: 'scroll down', hint: 'scroll', hintKeys: ['up', 'down']},
	{id: 'scrollPageUp', keys: ['pageup'], scope: 'overlay', description: 'scroll up a page'},
	{id: 'scrollPageDown', keys: ['pagedown', 'space'], scope: 'overlay', description: 'scroll down a page'},
	{id: 'exportLog', keys: ['w'], scope: 'log', description: 'write it as a script', hint: 'write script'},
	{id: 'copyLog', keys: ['y'], scope: 'log', description: 'copy it (OSC 52)', hint: 'copy'},
	{id: 'logTop', keys: ['g', 'home'], scope: 'log', description: 'first command (top)', hint: 'top'},
	{id: 'logEnd', keys: ['G', 'end'], scope: 'log', description: 'newest command (end)'},
	{id: 'filter', keys: ['/'], scope: 'lists', description: 'filter the list: type words to match', hint: 'filter', rank: 2},
	{id: 'clearFilter', keys: ['escape'], scope: 'lists', description: 'clear the filter'},
	{id: 'filterDone', keys: ['return'], scope: 'filter', description: 'keep the filter, back to the list', hint: 'keep'},
	{id: 'filterErase', keys: ['backspace'], scope: 'filter', description: 'erase the last character'},
	{id: 'clearFilter', keys: ['escape'], scope: 'filter', description: 'clear the filter', hint: 'clear'},
	// While a filter is typed, letters are its text (j types a j): only the arrows and pages still move.
	{id: 'up', keys: ['up'], scope: 'filter', description: 'move up'},
	{id: 'down', keys: ['down'], scope: 'filter', description: 'move down'},
	{id: 'pageUp', keys: ['pageup'], scope: 'filter', description: 'page up'},
	{id: 'pageDown', keys: ['pagedown'], scope: 'filter', description: 'page down'},
	{id: 'ping', keys: ['p'], scope: 'global', description: 'ping from the selected namespace, live', hint: 'ping', rank: 2, looks: true, when: 'selection'},
	{id: 'runCommand', keys: ['x'], scope: 'global', description: 'run one command in the selected namespace', hint: 'command', rank: 4, looks: true, when: 'selection'},
	{id: 'shell', keys: ['s'], scope: 'namespaces', description: 'a shell inside the selected namespace; exit comes back', hint: 'shell', rank: 2, looks: true, when: 'selection'},
	{id: 'stopOrClose', keys: ['escape'], scope: 'ping', description: 'stop the ping; when stopped, close', hint: 'stop/close'},
	{id: 'pingAgain', keys: ['p'], scope: 'ping', description: 'ping again (same values)', hint: 'ping again'},
	{id: 'pingFix', keys: ['F'], scope: 'ping', description: 'the offered fix, as a plan'},
	{id: 'stopOrClose', keys: ['escape'], scope: 'output', description: 'stop the command; then close', hint: 'stop/close'},
	{id: 'outputUp', keys: ['up'], scope: 'output', description: 'scroll the output', hint: 'scroll', hintKeys: ['up', 'down']},
	{id: 'outputDown', keys: ['down'], scope: 'output', description: 'scroll the output'},
	{id: 'outputPageUp', keys: ['pageup'], scope: 'output', description: 'scroll the output'},
	{id: 'outputPageDown', keys: ['pagedown'], scope: 'output', description: 'scroll the output'},
	{id: 'outputTop', keys: ['home'], scope: 'output', description: 'scroll the output'},
	{id: 'outputEnd', keys: ['end'], scope: 'output', description: 'scroll the output'},
	{id: 'pauseOutput', keys: ['space'], scope: 'output', description: 'pause the view (the command runs on); again: follow', hint: 'pause'},
	{id: 'toggleWrap', keys: ['w'], scope: 'output', description: 'wrap long lines on/off', hint: 'wrap'},
	{id: 'sidewaysLeft', keys: ['left'], scope: 'output', description: 'scroll sideways (wrap off)'},
	{id: 'sidewaysRight', keys: ['right'], scope: 'output', description: 'scroll sideways (wrap off)'},
	// w is wrap in the output panel, so the pcap is kept (saved) with s.
	{id: 'keepCapture', keys: ['s'], scope: 'capture', description: 'keep the capture as a .pcap file (its full path is shown)', hint: 'keep pcap', rank: 1},
	{id: 'toggleWrap', keys: ['w'], scope: 'ping', description: 'wrap long lines on/off', hint: 'wrap'},
	{id: 'sidewaysLeft', keys: ['left'], scope: 'ping', description: 'scroll sideways (wrap off)'},
	{id: 'sidewaysRight', keys: ['right'], scope: 'ping', description: 'scroll sideways (wrap off)'},
	// The topology map (t) acts on these (ui/topology/map-keys.ts); q, ? and t stay global there. Rows
	// with one description show as one line in the help.
	{id: 'panUp', keys: ['up'], scope: 'map', description: 'pan the map', hint: 'pan', rank: 3, hintKeys: ['up', 'down', 'left', 'right']},
	{id: 'panDown', keys: ['down'], scope: 'map', description: 'pan the map'},
	{id: 'panLeft', keys: ['left'], scope: 'map', description: 'pan the map'},
	{id: 'panRight', keys: ['right'], scope: 'map', description: 'pan the map'},
	{id: 'mapPageUp', keys: ['pageup'], scope: 'map', description: 'a screen up / down'},
	{id: 'mapPageDown', keys: ['pagedown'], scope: 'map', description: 'a screen up / down'},
	{id: 'mapOrigin', keys: ['home'], scope: 'map', description: 'back to the top left corner'},
	{id: 'mapNext', keys: ['tab', 'j'], scope: 'map', description: 'next namespace', hint: 'next', rank: 1},
	{id: 'mapPrevious', keys: ['shift+tab', 'k'], scope: 'map', description: 'previous namespace'},
	{id: 'mapChoose', keys: ['return'], scope: 'map', description: 'show the selected namespace in the panes', hint: 'go to it', rank: 2},
	{id: 'close', keys: ['escape'], scope: 'map', description: 'close the map', hint: 'close', rank: 4},
	// The form's key table: ui/forms/form-keys.ts looks keys up here, state/form/form-reducer.ts acts on
	// them; a form shows its own hint line. Text typed on a field is not a binding.
	{id: 'formSubmit', keys: ['return'], scope: 'form', description: 'run the commands shown (a delete asks again: Enter or y)'},
	{id: 'formConfirm', keys: ['y'], scope: 'form', description: 'run a change that asked again (elsewhere y is typed)'},
	{id: 'close', keys: ['escape'], scope: 'form', description: 'cancel: nothing runs'},
	// Tab and ↓ both go to the next field; in an open list or a plan shown whole, ↓ moves down instead.
	{id: 'formNext', keys: ['tab'], scope: 'form', description: 'next field'},
	{id: 'formDown', keys: ['down'], scope: 'form', description: 'next field'},
	{id: 'formPrevious', keys: ['shift+tab'], scope: 'form', description: 'previous field'},
	{id: 'formUp', keys: ['up'], scope: 'form', description: 'previous field'},
	{id: 'formChoosePrevious', keys: ['left'], scope: 'form', description: 'previous / next choice'},
	{id: 'formChooseNext', keys: ['right'], scope: 'form', description: 'previous / next choice'},
	{id: 'formSpace', keys: ['space'], scope: 'form', description: 'a choice: the list to pick from; a toggle: flip it'},
	{id: 'formErase', keys: ['backspace'], scope: 'form', description: 'erase the last character'},
	{id: 'formClear', keys: ['ctrl+u'], scope: 'form', description: 'clear the field'},
	{id: 'formCopy', keys: ['ctrl+y'], scope: 'form', description: 'copy the commands (OSC 52, to the terminal you sit at)'},
	{id: 'formPageUp', keys: ['pageup'], scope: 'form', description: 'a page up / down in a plan shown whole, or in a list'},
	{id: 'formPageDown', keys: ['pagedown'], scope: 'form', description: 'a page up / down in a plan shown whole, or in a list'},
	{id: 'formHome', keys: ['home'], scope: 'form', description: 'first / last option of a list'},
	{id: 'formEnd', keys: ['end'], scope: 'form', description: 'first / last option of a list'},
	{id: 'quit', keys: ['ctrl+c'], scope: 'form', description: 'quit'},
	// After a change on the path of the user's own SSH session (ui/overlays/keep-overlay.tsx).
	{id: 'keepChange', keys: ['k'], scope: 'keep', description: 'keep the change before the countdown ends'},
	{id: 'undoKept', keys: ['u', 'escape'], scope: 'keep', description: 'undo the change now'},
	{id: 'tutorials', keys: ['L'], scope: 'global', description: 'tutorials (in the lab): choose one to follow beside the panes'},
	{id: 'tutorialHint', keys: ['h'], scope: 'tutorial', description: "a hint for the tutorial's current step", hint: 'hint', rank: 1},
	{id: 'tutorialToggle', keys: ['T'], scope: 'tutorial', description: 'hide or show the tutorial', hint: 'tutorial', rank: 2},
	{id: 'tutorialScrollDown', keys: ['J'], scope: 'tutorial', description: 'scroll the tutorial down / up', hint: 'tutorial ↕', hintKeys: ['J', 'K'], rank: 3},
	{id: 'tutorialScrollUp', keys: ['K'], scope: 'tutorial', description: 'scroll the tutorial down / up'},
	// The chooser that L opens (ui/overlays/tutorial-picker.tsx); L or Esc closes it.
	{id: 'pickerUp', keys: ['up', 'k'], scope: 'picker', description: 'previous tutorial'},
	{id: 'pickerDown', keys: ['down', 'j'], scope: 'picker', description: 'next tutorial'},
	{id: 'pickerChoose', keys: ['return'], scope: 'picker', description: 'follow it (its setup runs first, as a plan)'},
	{id: 'close', keys: ['escape'], scope: 'picker', description: 'close the chooser'},
];

export const SCOPE_TITLES: Record<Scope, string> = {
	global: 'Everywhere',
	lists: 'Lists',
	namespaces: 'Namespaces pane',
	interfaces: 'Interfaces pane',
	routes: 'Routes pane',
	overlay: 'Overlays and forms',
	log: 'Command log',
	filter: 'While typing a filter (↑ ↓ still move)',
	ping: 'Ping panel',
	output: 'Command output',
	capture: 'Capture panel (C), with the command output keys',
	map: 'Topology map (t)',
	form: 'Forms',
	keep: 'Keep a change on your SSH path',
	tutorial: 'With a tutorial open (nsdeck tutorial)',
	picker: 'Tutorial chooser (L, in the lab)',
};

/** Scopes that apply when a pane has focus, most specific first. */
export function scopesFor(pane: 'namespaces' | 'interfaces' | 'routes'): Scope[] {
	return [pane, 'lists', 'global'];
}

export function findBinding(key: string, scopes: readonly Scope[], keymap: readonly Binding[] = KEYMAP): Binding | undefined {
	for (const scope of scopes) {
		const hit = keymap.find((b) => b.scope === scope && b.keys.includes(key));
		if (hit) return hit;
	}
	return undefined;
}

export {displayKey} from './key-name.js';
