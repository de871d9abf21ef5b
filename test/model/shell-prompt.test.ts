import {describe, expect, it} from 'vitest';
import {bashRc, promptLabel, promptPrefix, promptWay, shellBanner, shPs1} from '../../source/model/shell-prompt.js';

describe('the namespace in the shell prompt', () => {
	it.each([
		['/bin/bash', 'bash-rcfile'],
		['/usr/bin/dash', 'ps1-env'],
		['/bin/sh', 'ps1-env'],
		['/usr/bin/zsh', 'env-only'],
		['/usr/bin/fish', 'env-only'],
	] as const)('%s: %s', (shell, way) => {
		expect(promptWay(shell)).toBe(way);
	});

	it.each([
		['ns1', 'ns1'],
		['a$(reboot)', 'a?(reboot)'],
		['a`id`', 'a?id?'],
		['\\u@\\h', '?u@?h'],
		['%n!x', '?n?x'],
		["it's \"q\"", 'it?s ?q?'],
		['${HOME}', '??HOME?'],
		['e\u001B]0;pwned\u0007', 'e␛]0;pwned␇'],
		['nl\nx', 'nl␊x'],
		['rtl\u202Eabc', 'rtl⟨U+202E⟩abc'],
	])('makes %j plain prompt text: %s', (name, label) => {
		expect(promptLabel(name)).toBe(label);
		expect(promptLabel(name)).not.toMatch(/[\u0000-\u001F\u007F\\$`!%'"]/);
	});

	it('shortens a long name in the middle', () => {
		const label = promptLabel(`cni-${'a'.repeat(60)}-9f1a`);
		expect(label).toHaveLength(40);
		expect(label.startsWith('cni-')).toBe(true);
		expect(label.endsWith('-9f1a')).toBe(true);
	});

	it("bash's rc file reads the user's files first, then prefixes PS1 with the name in single quotes", () => {
		expect(bashRc('a$(x)').split('\n')).toEqual([
			'# Written by nsdeck for one shell in a network namespace; removed when it exits.',
			'[ -f /etc/bash.bashrc ] && . /etc/bash.bashrc',
			'[ -f "$HOME/.bashrc" ] && . "$HOME/.bashrc"',
			`PS1='[netns a?(x)] '"$PS1"`,
			'',
		]);
		expect(promptPrefix('ns1')).toBe('[netns ns1] ');
		expect(shPs1('ns1', true)).toBe('[netns ns1] # ');
		expect(shPs1('ns1', false)).toBe('[netns ns1] $ ');
		expect(shellBanner('e\u001B[2J')).toBe('nsdeck: shell in namespace e␛[2J — exit to return');
	});
});
