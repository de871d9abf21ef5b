// Every key binding as data. The help overlay and the footer hints are built from this table,
// and a test checks that no two bindings clash within one scope.

export type Scope = 'global' | 'lists' | 'namespaces' | 'interfaces' | 'routes' | 'overlay' | 'log' | 'filter' | 'ping' | 'output';

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
	| 'veth'
	| 'bridge'
	| 'connect'
	| 'move'
	| 'address'
	| 'toggleUp'
	| 'deleteInterface'
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
	| 'stopOrClose'
	| 'pingAgain'
	| 'scrollOutput'
	| 'logTop'
	| 'logEnd'
	| 'toggleWrap'
	| 'scrollSideways';

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
}

export const KEYMAP: readonly Binding[] = [
	{id: 'quit', keys: ['q', 'ctrl+c'], scope: 'global', description: 'quit', hint: 'quit'},
	{id: 'help', keys: ['?'], scope: 'global', description: 'help: every key', hint: 'help'},
	{id: 'nextPane', keys: ['tab'], scope: 'global', description: 'next pane', hint: 'pane'},
	{id: 'prevPane', keys: ['shift+tab'], scope: 'global', description: 'previous pane'},
	{id: 'focusNamespaces', keys: ['1'], scope: 'global', description: 'namespaces pane'},
	{id: 'focusInterfaces', keys: ['2'], scope: 'global', description: 'interfaces pane'},
	{id: 'focusRoutes', keys: ['3'], scope: 'global', description: 'routes pane'},
	{id: 'refresh', keys: ['ctrl+r'], scope: 'global', description: 'read the world again'},
	{id: 'topology', keys: ['t'], scope: 'global', description: 'topology map', hint: 'map'},
	{id: 'up', keys: ['up', 'k'], scope: 'lists', description: 'move up'},
	{id: 'down', keys: ['down', 'j'], scope: 'lists', description: 'move down', hint: 'move'},
	{id: 'pageUp', keys: ['pageup'], scope: 'lists', description: 'page up'},
	{id: 'pageDown', keys: ['pagedown'], scope: 'lists', description: 'page down'},
	{id: 'home', keys: ['home', 'g'], scope: 'lists', description: 'first item'},
	{id: 'end', keys: ['end', 'G'], scope: 'lists', description: 'last item'},
	{id: 'detail', keys: ['return'], scope: 'lists', description: 'detail of the item', hint: 'detail'},
	{id: 'veth', keys: ['v'], scope: 'global', description: 'add a veth pair', hint: 'veth'},
	{id: 'bridge', keys: ['b'], scope: 'global', description: 'add a bridge'},
	{id: 'log', keys: ['l'], scope: 'global', description: 'command log', hint: 'log'},
	{id: 'newNamespace', keys: ['n'], scope: 'namespaces', description: 'new namespace', hint: 'new'},
	{id: 'deleteNamespace', keys: ['d'], scope: 'namespaces', description: 'delete namespace', hint: 'delete', dangerous: true},
	{id: 'attach', keys: ['N'], scope: 'namespaces', description: 'name a namespace that has none (ip netns attach)'},
	{id: 'forwarding', keys: ['f'], scope: 'namespaces', description: 'IP forwarding on/off', hint: 'forwarding'},
	{id: 'toggleUp', keys: ['space'], scope: 'interfaces', description: 'set up / down', hint: 'up/down'},
	{id: 'address', keys: ['a'], scope: 'interfaces', description: 'add an address', hint: 'address'},
	{id: 'connect', keys: ['c'], scope: 'interfaces', description: 'connect to a bridge'},
	{id: 'move', keys: ['m'], scope: 'interfaces', description: 'move to a namespace'},
	{id: 'addRoute', keys: ['r'], scope: 'interfaces', description: 'add a route'},
	{id: 'deleteInterface', keys: ['d'], scope: 'interfaces', description: 'delete it or an address', hint: 'delete', dangerous: true},
	{id: 'addRoute', keys: ['r'], scope: 'routes', description: 'add a route', hint: 'add'},
	{id: 'deleteRoute', keys: ['d'], scope: 'routes', description: 'delete the route', hint: 'delete'},
	{id: 'close', keys: ['escape'], scope: 'overlay', description: 'close / cancel', hint: 'close'},
	{id: 'scrollUp', keys: ['up', 'k'], scope: 'overlay', description: 'scroll up'},
	{id: 'scrollDown', keys: ['down', 'j'], scope: 'overlay', description: 'scroll down', hint: 'scroll'},
	{id: 'exportLog', keys: ['w'], scope: 'log', description: 'write it as a script', hint: 'write script'},
	{id: 'copyLog', keys: ['y'], scope: 'log', description: 'copy it (OSC 52)', hint: 'copy'},
	{id: 'logTop', keys: ['g', 'home'], scope: 'log', description: 'first command (top)', hint: 'top'},
	{id: 'logEnd', keys: ['G', 'end'], scope: 'log', description: 'newest command (end)'},
	{id: 'filter', keys: ['/'], scope: 'lists', description: 'filter the list: type words to match', hint: 'filter'},
	{id: 'clearFilter', keys: ['escape'], scope: 'lists', description: 'clear the filter'},
	{id: 'filterDone', keys: ['return'], scope: 'filter', description: 'keep the filter, back to the list', hint: 'keep'},
	{id: 'filterErase', keys: ['backspace'], scope: 'filter', description: 'erase the last character'},
	{id: 'clearFilter', keys: ['escape'], scope: 'filter', description: 'clear the filter', hint: 'clear'},
	{id: 'ping', keys: ['p'], scope: 'global', description: 'ping from the selected namespace, live', hint: 'ping'},
	{id: 'runCommand', keys: ['x'], scope: 'global', description: 'run one command in the selected namespace'},
	{id: 'shell', keys: ['s'], scope: 'namespaces', description: 'a shell inside the selected namespace; exit comes back'},
	{id: 'stopOrClose', keys: ['escape'], scope: 'ping', description: 'stop the ping; when stopped, close', hint: 'stop/close'},
	{id: 'pingAgain', keys: ['p'], scope: 'ping', description: 'ping again (same values)', hint: 'ping again'},
	{id: 'stopOrClose', keys: ['escape'], scope: 'output', description: 'stop the command; then close', hint: 'stop/close'},
	{id: 'scrollOutput', keys: ['up', 'down', 'pageup', 'pagedown', 'home', 'end'], scope: 'output', description: 'scroll the output', hint: 'scroll'},
	{id: 'toggleWrap', keys: ['w'], scope: 'output', description: 'wrap long lines on/off', hint: 'wrap'},
	{id: 'scrollSideways', keys: ['left', 'right'], scope: 'output', description: 'scroll sideways (wrap off)'},
	{id: 'toggleWrap', keys: ['w'], scope: 'ping', description: 'wrap long lines on/off', hint: 'wrap'},
	{id: 'scrollSideways', keys: ['left', 'right'], scope: 'ping', description: 'scroll sideways (wrap off)'},
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

/** How a key is shown to people: 'return' → 'Enter', 'up' → '↑'. */
export function displayKey(key: string): string {
	const names: Record<string, string> = {
		return: 'Enter',
		escape: 'Esc',
		up: '↑',
		down: '↓',
		left: '←',
		right: '→',
		tab: 'Tab',
		'shift+tab': 'Shift+Tab',
		space: 'Space',
		pageup: 'PgUp',
		pagedown: 'PgDn',
		home: 'Home',
		end: 'End',
	};
	if (names[key]) return names[key];
	if (key.startsWith('ctrl+')) return `Ctrl+${key.slice(5).toUpperCase()}`;
	return key;
}
