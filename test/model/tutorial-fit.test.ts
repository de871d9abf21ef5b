// Issue 27: L in the default lab offered tutorials that clash with its world (tutorial 2 opened at 4/6;
// 5 and 6 failed with "File exists"). Whether a world fits a tutorial's start, and the plan that resets
// the lab to its world: delete what is there (each thing once), then build the tutorial's setup.
import {describe, expect, it} from 'vitest';
import {builtinTutorials, findTutorial} from '../../source/plans/builtin-tutorials.js';
import {misfitText, tutorialMisfit} from '../../source/model/tutorial/fit.js';
import type {Tutorial} from '../../source/model/tutorial/types.js';
import {tutorialResetPlan, tutorialSetupPlan} from '../../source/plans/tutorial-setup-plan.js';
import {fixtureWorld} from '../support/fixtures.js';

function tutorial(name: string): Tutorial {
	const found = findTutorial(name);
	if (!found) throw new Error(`no tutorial ${name}`);
	return found;
}
const defaultLab = fixtureWorld('bridge');

describe('whether the lab fits a tutorial', () => {
	it.each(builtinTutorials().map((t) => [t.name, t] as const))('%s does not fit the default lab (ns1, ns2 and br0 are there)', (_name, t) => {
		expect(tutorialMisfit(t, defaultLab)).toBeDefined();
	});

	it('says what clashes: tutorial 2 would open half done', () => {
		const misfit = tutorialMisfit(tutorial('2'), defaultLab);
		expect(misfit).toEqual({names: ['ns1', 'ns2'], holding: [1, 3, 4, 5]});
		expect(misfit && misfitText(misfit)).toBe('ns1 and ns2 are here already; steps 1, 3, 4 and 5 already hold');
	});

	it('names the host interfaces a setup would make again', () => {
		expect(tutorialMisfit(tutorial('4'), defaultLab)?.names).toEqual(['ns1', 'br0 (host)']);
	});

	it.each(['1', '2', '3', '4', '5', '6'])('tutorial %s fits an empty lab', (name) => {
		const host = defaultLab.namespaces[0];
		const empty = {namespaces: [{...host, links: host.links.filter((l) => l.name === 'lo'), routes: []}]};
		expect(tutorialMisfit(tutorial(name), empty)).toBeUndefined();
	});

	it('tutorials 2 and 5 fit the pair lab, whose names are others', () => {
		const pair = fixtureWorld('pair');
		expect(tutorialMisfit(tutorial('2'), pair)).toBeUndefined();
		expect(tutorialMisfit(tutorial('5'), pair)).toBeUndefined();
	});
});

describe('the plan that resets the lab to a tutorial’s world', () => {
	it('deletes each host interface once (a veth’s peer goes with it), the namespaces, then builds the setup', () => {
		const t = tutorial('5');
		const plan = tutorialResetPlan(t, defaultLab);
		expect(plan.steps.map((s) => s.argv)).toEqual([
			['ip', 'link', 'delete', 'dev', 'br0'],
			['ip', 'link', 'delete', 'dev', 'veth_ns1_br0'],
			['ip', 'link', 'delete', 'dev', 'veth_ns2_br0'],
			['ip', 'netns', 'delete', 'ns1'],
			['ip', 'netns', 'delete', 'ns2'],
			...t.setup,
		]);
		// It takes away: shown first, and asked again.
		expect(plan.destructive).toBe(true);
		expect(plan.consequences?.join('\n')).toContain('ns1, ns2');
	});

	it('for a tutorial without a setup, only deletes', () => {
		expect(tutorialResetPlan(tutorial('2'), defaultLab).steps).toHaveLength(5);
	});

	it('has a title short enough for a header at 80 columns', () => {
		for (const t of builtinTutorials()) {
			expect(`✗ ${tutorialResetPlan(t, defaultLab).title}: step 18 of 18 failed — Esc to close`.length).toBeLessThanOrEqual(76);
			expect(`✗ ${tutorialSetupPlan(t).title}: step 13 of 13 failed — Esc to close`.length).toBeLessThanOrEqual(76);
		}
	});
});
