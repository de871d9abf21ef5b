// Building a lab scenario: one that is a world file is applied as `nsdeck apply` applies a file (the
// same diff, plan and rollback), so each built-in world is described once; one that needs processes to
// hold its namespaces runs its commands (system/lab.ts).
import type {World} from './model/types.js';
import {parseWorldFile} from './model/world-file/parse.js';
import {runPlan} from './plans/run-plan.js';
import {diffWorld} from './plans/world-diff.js';
import {buildScenario} from './system/lab.js';
import type {Scenario} from './system/lab-scenarios.js';
import type {Runner} from './system/runner.js';

export async function buildLab(scenario: Scenario, run: Runner, readWorld: () => Promise<World>): Promise<void> {
	if ('commands' in scenario) return buildScenario(run, scenario);
	const {path, text} = scenario.world;
	const diff = diffWorld(parseWorldFile(path, text), await readWorld(), {title: `Lab scenario ${scenario.name}`});
	if (diff.problems.length > 0) throw new Error(`lab scenario ${scenario.name}: ${diff.problems.join('; ')}`);
	if (!diff.plan) return;
	const result = await runPlan(diff.plan, {run, log: () => undefined});
	if (!result.ok) {
		const failed = diff.plan.steps[result.failedStep ?? 0];
		throw new Error(`lab scenario ${scenario.name}: \`${failed.argv.join(' ')}\` failed: ${result.error ?? ''}`);
	}
}
