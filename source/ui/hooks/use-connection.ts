// The server's connection as React state: the title bar redraws when it is lost and when it is back.
import {useSyncExternalStore} from 'react';
import type {ConnectionState} from '../../system/ssh-keeper.js';
import type {System} from '../../system/system.js';

const ALWAYS_UP: ConnectionState = {up: true};
const NOTHING = (): (() => void) => () => undefined;

/** The connection of `system`'s server; always up for this machine. */
export function useConnection(system: System): ConnectionState {
	const connection = system.connection;
	return useSyncExternalStore(connection?.subscribe ?? NOTHING, connection?.state ?? (() => ALWAYS_UP));
}
