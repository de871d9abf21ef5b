// A team (libteam's bond): ip prints no data of it.
import {defineKind} from './kind.js';

export const team = defineKind({names: ['team'], group: true, hub: {dot: ', shape=octagon', mermaid: (label) => `[[${label}]]`}});
