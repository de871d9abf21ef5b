// A veth pair's end: its `link` is its peer, not a lower device (topology.ts resolves it); ip prints no data.
import {defineKind} from './kind.js';

export const veth = defineKind({names: ['veth']});
