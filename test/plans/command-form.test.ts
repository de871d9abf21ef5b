// x's form: a line with shell syntax runs through `sh -c` in the namespace, said in the preview, and is
// logged and exported as one quoted word that re-runs exactly; plain words still run as an argv.
import {describe, expect, it} from 'vitest';
import {commandForm} from '../../source/plans/forms/exec-forms.js';
import {HOST_ID} from '../../source/model/types.js';
import {commandText, logLine, logToScript} from '../../source/plans/script.js';
import type {LogEntry} from '../../source/plans/run-plan.js';
import type {World} from '../../source/model/types.js';

const emptyWorld = (): World => ({namespaces: []});

const planOf = (ns: string, command: string) => {
	const spec = commandForm(ns);
	expect(spec.validate({command}, emptyWorld())).toEqual({});
	return spec.plan({command}, emptyWorld());
};

describe('x with shell syntax', () => {
	it.each([
		['ns1', ['ip', 'netns', 'exec', 'ns1', 'sh', '-c', 'ip a | grep inet']],
		[HOST_ID, ['sh', '-c', 'ip a | grep inet']],
		['/proc/42/ns/net', ['nsenter', '--net=/proc/42/ns/net', 'sh', '-c', 'ip a | grep inet']],
	])('in %s runs sh -c LINE, and says why', (ns, argv) => {
		const plan = planOf(ns, 'ip a | grep inet');
		expect(plan.steps.map((s) => s.argv)).toEqual([argv]);
		expect(plan.command).toEqual({ns, argv, line: 'ip a | grep inet'});
		expect(plan.consequences).toEqual(['runs through sh -c because of its shell syntax: |']);
	});

	it('plain words still run as an argv, with nothing said', () => {
		const plan = planOf('ns1', 'ip neigh show "a b"');
		expect(plan.steps.map((s) => s.argv)).toEqual([['ip', 'netns', 'exec', 'ns1', 'ip', 'neigh', 'show', 'a b']]);
		expect(plan.consequences).toBeUndefined();
	});

	it('the log, --log and the script quote the line as one word', () => {
		const argv = planOf('ns1', `ip -o link | grep -c lo && echo "it's $HOME"`).steps[0].argv;
		const quoted = `ip netns exec ns1 sh -c 'ip -o link | grep -c lo && echo "it'\\''s $HOME"'`;
		expect(commandText(argv)).toBe(quoted);
		const entry: LogEntry = {argv, status: 'ok', plan: 'Run in ns1', at: new Date(0), exitCode: 0, durationMs: 3};
		expect(logLine(entry)).toBe(`${quoted}  # 1970-01-01T00:00:00.000Z exit 0, 3 ms\n`);
		expect(logToScript([entry]).split('\n')).toContain(quoted);
	});

	it('offers the line as typed to the next x', () => {
		const spec = commandForm('ns1', 'ip a | grep inet');
		expect(spec.validate({command: ''}, emptyWorld())).toEqual({});
		expect(spec.plan({command: ''}, emptyWorld()).steps[0].argv).toEqual(['ip', 'netns', 'exec', 'ns1', 'sh', '-c', 'ip a | grep inet']);
	});
});
