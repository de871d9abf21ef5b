// Builds a lab scenario inside the sandbox, command by command.
import type {Scenario} from './lab-scenarios.js';
import {errorText, type Runner} from './runner.js';

export async function buildScenario(run: Runner, scenario: Scenario): Promise<void> {
	for (const argv of scenario.commands) {
		const result = await run(argv);
		if (result.exitCode !== 0) throw new Error(`lab scenario ${scenario.name}: \`${argv.join(' ')}\` failed: ${errorText(result)}`);
	}
}
