// An intermediate functional block (traffic shaping of what comes in): ip prints no data of it.
import {defineKind} from './kind.js';

export const ifb = defineKind({names: ['ifb']});
