// WireGuard: its peers and keys are read over genetlink (`wg show`), not rtnetlink; ip prints no data of it.
import {defineKind} from './kind.js';

export const wireguard = defineKind({names: ['wireguard']});
