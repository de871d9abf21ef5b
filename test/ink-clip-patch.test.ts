// The bundle keeps a line that lies wholly inside ink's clip instead of slicing it
// (scripts/ink-clip-patch.mjs): the slice it skips must give the same styled cells as the line itself.
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {styledCharsFromTokens, tokenize} from '@alcalzone/ansi-tokenize';
import chalk from 'chalk';
import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
// @ts-expect-error a plain .mjs build helper, without types
import {patchInkClip} from '../scripts/ink-clip-patch.mjs';

chalk.level = 3;
const LINES = [
	`${chalk.cyan('╭─')}${chalk.bold.inverse('›host')} ${chalk.gray('1/1 up')}${chalk.cyan('│')}`,
	`${chalk.bold('nsdeck ')}${chalk.bold.inverse.magenta(' LAB ')}${chalk.red.dim('x')}${chalk.dim.bold('y')}${chalk.bgRgb(1, 2, 3).rgb(4, 5, 6)('rgb')}  plain`,
	`${chalk.underline.italic('a')}${chalk.underline('b')}${chalk.italic('c')}${chalk.strikethrough.green('d')}`,
	`${chalk.green('●')} veth0  ${chalk.yellow('→ ns1/veth1')}  10.0.0.1/24  fe80::1/64  ↑↓ 名前 🙂`,
	`${chalk.red('unclosed')}\u001B[1m bold to the end`,
	'',
];

const cells = (line: string) => styledCharsFromTokens(tokenize(line));

describe('ink clip patch', () => {
	it('keeps only lines whose slice has the same cells', () => {
		for (const line of LINES) expect(cells(sliceAnsi(line, 0, stringWidth(line)))).toEqual(cells(line));
	});

	it('applies to the installed ink', () => {
		// ink exports no package.json: its entry point lies in build/, beside output.js.
		const entry = createRequire(import.meta.url).resolve('ink');
		const source = readFileSync(join(dirname(entry), 'output.js'), 'utf8');
		expect(patchInkClip(source)).toContain('if (from === 0 && to === width) return line;');
	});
});
