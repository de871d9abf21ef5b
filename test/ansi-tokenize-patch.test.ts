// The bundle skips ansi-tokenize's style diff between equal cell styles (scripts/ansi-tokenize-patch.mjs):
// where sameStyles says so, the diff must indeed be empty, over styles ink's own colouring produces.
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {ansiCodesToString, diffAnsiCodes, styledCharsFromTokens, tokenize} from '@alcalzone/ansi-tokenize';
import chalk from 'chalk';
import {describe, expect, it} from 'vitest';
// @ts-expect-error a plain .mjs build helper, without types
import {patchStyledChars, sameStyles} from '../scripts/ansi-tokenize-patch.mjs';

chalk.level = 3;
const LINES = [
	`${chalk.cyan('╔══')}${chalk.bold.inverse('›host')} ${chalk.gray('1/1 up')}${chalk.cyan('║')}`,
	`${chalk.bold('nsdeck ')}${chalk.bold.inverse.magenta(' LAB ')}${chalk.red.dim('x')}${chalk.dim.bold('y')}${chalk.bgRgb(1, 2, 3).rgb(4, 5, 6)('rgb')}  plain`,
	`${chalk.underline.italic('a')}${chalk.underline('b')}${chalk.italic('c')}${chalk.strikethrough.green('d')}`,
];

describe('ansi-tokenize patch', () => {
	it('skips only diffs that are empty', () => {
		const styles = LINES.flatMap((line) => styledCharsFromTokens(tokenize(line)).map((c) => c.styles));
		let same = 0;
		for (const a of styles) {
			for (const b of styles) {
				if (!(sameStyles as (a: unknown, b: unknown) => boolean)(a, b)) continue;
				same++;
				expect(ansiCodesToString(diffAnsiCodes(a, b))).toBe('');
			}
		}
		expect(same).toBeGreaterThan(styles.length);
	});

	it('applies to the installed ansi-tokenize', () => {
		const packageJson = createRequire(import.meta.url).resolve('@alcalzone/ansi-tokenize/package.json');
		const source = readFileSync(join(dirname(packageJson), 'build', 'styledChars.js'), 'utf8');
		expect(patchStyledChars(source)).toContain('function sameStyles(a, b)');
	});
});
