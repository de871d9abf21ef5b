// A dummy: a device that drops what it is sent, to hold addresses; ip prints no data of it.
import {defineKind} from './kind.js';

export const dummy = defineKind({names: ['dummy']});
