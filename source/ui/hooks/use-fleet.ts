// Several servers in one app: which one is active (the selected namespace's), its System for every hook
// that reads or changes, and the others' worlds kept live by state/fleet-sync.ts for the namespaces pane.
// With one server, or this machine, it is the given System and nothing more.
import {useEffect, useMemo, useReducer, useRef, useState} from 'react';
import type {AppState} from '../../state/app-state.js';
import type {FleetHost} from '../../state/fleet.js';
import {createFleetSync, type FleetServer} from '../../state/fleet-sync.js';
import {readWorldOf} from '../../state/planned-state.js';
import type {Action} from '../../state/reducer.js';
import type {System} from '../../system/system.js';
import {hostTunnels} from '../../model/host-tunnels.js';
import type {FleetMapInput} from '../topology/fleet-map.js';

const UP = {up: true} as const;

export interface Fleet {
	/** The active server's System: forms, plans, runs, undo, ping and reads go there. */
	readonly system: System;
	/** Dispatch for what the active System reads: a read that lands after its server stopped being active is dropped. */
	readonly dispatch: (action: Action) => void;
	/** Every server, in --host order; undefined for one. */
	readonly hosts?: () => readonly FleetHost[];
	readonly active: number;
	/** Makes `index` the active server, with namespace `ns` selected (or the cursor on its heading). */
	readonly switchTo: (index: number, ns: string, heading?: boolean) => void;
	/** The servers folded with Enter on their heading: only the heading is listed. */
	readonly folded: ReadonlySet<string>;
	readonly toggleFold: (host: string) => void;
	/** What the map draws: every server, and the tunnels between them (the same object while no world changed). */
	readonly mapInput?: () => FleetMapInput;
	/** A server's System by its name (a ping across servers reads the far one's firewalls through it). */
	readonly systemOf?: (host: string) => System | undefined;
}

/** The map's input, found again only when a server's world is another object than last time. */
function mapInputOf(hosts: readonly FleetHost[], active: number, last: FleetMapInput | undefined): FleetMapInput {
	if (last && last.active === active && last.hosts.length === hosts.length && last.hosts.every((h, i) => h.world === hosts[i].world)) return last;
	const read = hosts.flatMap((h) => (h.world ? [{host: h.dest, world: h.world}] : []));
	return {hosts: hosts.map((h) => ({host: h.dest, world: h.world})), active, tunnels: hostTunnels(read)};
}

export function useFleet(servers: readonly FleetServer[] | undefined, given: System, dispatch: (action: Action) => void, getState: () => AppState): Fleet {
	const [active, setActive] = useState(0);
	const [folded, setFolded] = useState<ReadonlySet<string>>(new Set());
	// What is true now, before the next render: several keys of one read each see the last one's doing.
	const activeNow = useRef(active);
	const foldedNow = useRef(folded);
	activeNow.current = active;
	foldedNow.current = folded;
	const [, changed] = useReducer((n: number) => n + 1, 0);
	const many = servers !== undefined && servers.length > 1;
	const sync = useMemo(() => (many ? createFleetSync(servers, 0, changed) : undefined), [many, servers]);
	useEffect(() => () => sync?.stop(), [sync]);
	// A heading says when its server is disconnected: redraw when any connection changes.
	useEffect(() => {
		const ends = (servers ?? []).map((s) => s.system.connection?.subscribe(changed));
		return () => {
			for (const end of ends) end?.();
		};
	}, [servers]);
	const system = many ? servers[active].system : given;
	const current = useRef(system);
	current.current = system;
	const lastMap = useRef<FleetMapInput | undefined>(undefined);
	const guarded = useMemo(() => (action: Action) => void (current.current === system && dispatch(action)), [system, dispatch]);
	const hosts =
		many && sync
			? (): FleetHost[] =>
					servers.map((s, i) => ({
						dest: s.dest,
						world: i === activeNow.current ? readWorldOf(getState()) : sync.world(i),
						connection: s.system.connection?.state() ?? UP,
					}))
			: undefined;
	return {
		system,
		dispatch: guarded,
		get active() {
			return activeNow.current;
		},
		hosts,
		mapInput: hosts && (() => (lastMap.current = mapInputOf(hosts(), activeNow.current, lastMap.current))),
		systemOf: many ? (host) => servers.find((s) => s.dest === host)?.system : undefined,
		switchTo: (index, ns, heading = false) => {
			if (!many || !sync || index === activeNow.current) return;
			const world = sync.world(index);
			sync.activate(index, readWorldOf(getState()));
			// From now on, what the server active until now reads is not this world's.
			current.current = servers[index].system;
			dispatch({type: 'switchWorld', world, ns, heading});
			activeNow.current = index;
			setActive(index);
		},
		get folded() {
			return foldedNow.current;
		},
		toggleFold: (host) => {
			const next = new Set(foldedNow.current);
			if (!next.delete(host)) next.add(host);
			foldedNow.current = next;
			setFolded(next);
		},
	};
}
