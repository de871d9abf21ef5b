// Drives the bundled app in a real terminal: a private tmux server, send-keys, capture-pane.
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {runCommand} from '../../source/system/runner.js';
import {rmSync} from 'node:fs';

export const BUNDLE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'nsdeck.js');

export interface Tmux {
	/** Keys as tmux names them (Enter, Tab, Right, C-c) or literal text with {literal: true}. */
	keys(...keys: string[]): Promise<void>;
	type(text: string): Promise<void>;
	screen(): Promise<string>;
	waitFor(text: string | RegExp, timeoutMs?: number): Promise<string>;
	/** The window's new size, as when the user drags the terminal's corner. */
	resize(columns: number, rows: number): Promise<void>;
	/** The scrollback and the screen, oldest line first. */
	history(): Promise<string>;
	kill(): Promise<void>;
	/** A tmux command on this terminal's server (set an option, read a buffer). */
	tmux(...args: string[]): Promise<string>;
}

export async function startInTmux(command: readonly string[], columns = 100, rows = 30): Promise<Tmux> {
	const socket = `/tmp/nsdeck-e2e-${process.pid}-${Date.now()}.sock`;
	const tmux = async (...args: string[]): Promise<string> => {
		const result = await runCommand(['tmux', '-u', '-S', socket, ...args]);
		if (result.exitCode !== 0) throw new Error(`tmux ${args.join(' ')}: ${result.stderr}`);
		return result.stdout;
	};
	// ink prints only the last frame when CI is set: the app must believe it has a real terminal.
	await tmux('new-session', '-d', '-s', 'e2e', '-x', String(columns), '-y', String(rows), 'env', '-u', 'CI', 'TERM=xterm-256color', ...command);
	const screen = (): Promise<string> => tmux('capture-pane', '-p', '-t', 'e2e');
	return {
		keys: async (...keys) => {
			await tmux('send-keys', '-t', 'e2e', ...keys);
			await new Promise((resolve) => setTimeout(resolve, 60));
		},
		type: async (text) => {
			await tmux('send-keys', '-t', 'e2e', '-l', text);
			await new Promise((resolve) => setTimeout(resolve, 60));
		},
		screen,
		async waitFor(text, timeoutMs = 8000) {
			const deadline = Date.now() + timeoutMs;
			let last = '';
			while (Date.now() < deadline) {
				last = await screen();
				if (typeof text === 'string' ? last.includes(text) : text.test(last)) return last;
				await new Promise((resolve) => setTimeout(resolve, 50));
			}
			throw new Error(`timed out waiting for ${String(text)}; the screen was:\n${last}`);
		},
		resize: async (columns, rows) => {
			await tmux('resize-window', '-t', 'e2e', '-x', String(columns), '-y', String(rows));
			await new Promise((resolve) => setTimeout(resolve, 200));
		},
		history: () => tmux('capture-pane', '-p', '-t', 'e2e', '-S', '-'),
		tmux,
		kill: async () => {
			await runCommand(['tmux', '-S', socket, 'kill-server']);
			// tmux leaves its socket behind when its server ends.
			rmSync(socket, {force: true});
		},
	};
}
