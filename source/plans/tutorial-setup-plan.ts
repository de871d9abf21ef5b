// A tutorial opened from the lab's picker builds its starting world as any change does: a plan of the
// exact `ip` commands, shown before it runs. (`nsdeck tutorial NAME` runs the same commands while the lab
// is made, before anything is on screen.)
import type {Tutorial} from '../model/tutorial/types.js';
import {HOST_ID} from '../model/types.js';
import type {Plan} from './plan.js';

export function tutorialSetupPlan(tutorial: Tutorial): Plan {
	return {
		title: `Set up the tutorial "${tutorial.title}"`,
		steps: tutorial.setup.map((argv) => ({argv})),
		dangerous: false,
		affects: [HOST_ID],
	};
}
