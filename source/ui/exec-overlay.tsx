// Chooses what the look-inside features show: the ping, command or capture form, the ping panel, the
// command's output, the capture, or the screen shown while a shell has the terminal.
import type {World} from '../model/types.js';
import type {ExecView} from '../state/exec-view.js';
import type {LookInside} from './hooks/use-look-inside.js';
import {FormView} from './forms/form-view.js';
import {CapturePanel} from './overlays/capture-panel.js';
import {OutputPanel} from './overlays/output-panel.js';
import {PingPanel} from './overlays/ping-panel.js';
import {ShellScreen} from './overlays/shell-screen.js';

export interface ExecOverlayProps {
	readonly view: ExecView;
	readonly look: LookInside;
	readonly world: World;
	readonly width: number;
	readonly height: number;
	readonly dryRun: boolean;
	readonly isFocused: boolean;
	readonly onCancel: () => void;
	/** A form's Ctrl+Y. */
	readonly onCopy: (text: string) => void;
}

export function ExecOverlay({view, look, world, width, height, dryRun, isFocused, onCancel, onCopy}: ExecOverlayProps) {
	const formFrame = {world, width, height, isFocused, onCancel, onCopy};
	switch (view.panel) {
		// A ping only looks, so it runs in a dry run too; a typed command might change things, so it does not.
		case 'pingForm':
			return (
				<FormView key={view.panel} spec={view.spec} dryRun={false} onSubmit={(plan) => look.ping.start(plan.ping)} {...formFrame} />
			);
		case 'commandForm':
			return (
				<FormView key={view.panel} spec={view.spec} dryRun={dryRun} onSubmit={(plan) => look.command.start(plan.command.ns, plan.command.argv, plan.command.line)} {...formFrame} />
			);
		// A capture only looks: it runs in a dry run too, as a ping does.
		case 'captureForm':
			return <FormView key={view.panel} spec={view.spec} dryRun={false} onSubmit={(plan) => look.capture.start(plan.capture)} {...formFrame} />;
		case 'scriptForm':
			return <FormView key={view.panel} spec={view.spec} dryRun={false} onSubmit={view.write} {...formFrame} onCancel={view.cancel} />;
		case 'ping':
			return (
				<PingPanel
					runs={look.ping.runs}
					width={width}
					height={height}
					isFocused={isFocused}
					onStop={look.ping.stop}
					onClose={look.ping.close}
					onAgain={look.ping.openForm}
					onFix={look.ping.applyFix}
				/>
			);
		case 'output':
			return look.command.run ? (
				<OutputPanel run={look.command.run} width={width} height={height} isFocused={isFocused} onStop={look.command.stop} onClose={look.command.close} />
			) : null;
		case 'capture':
			return look.capture.run ? (
				<CapturePanel run={look.capture.run} width={width} height={height} isFocused={isFocused} onStop={look.capture.stop} onClose={look.capture.close} onKeep={look.capture.keep} />
			) : null;
		case 'shell':
			return <ShellScreen ns={view.ns} width={width} height={height} onReady={look.shell.ready} />;
	}
}
