// C: the capture streaming, drawn as x's output panel (pause, scroll, wrap, a bounded ring) with what is
// the capture's own: the filter check before it starts, where the pcap is, and s to keep it.
import type {CaptureRun} from '../hooks/use-capture.js';
import {displayKey, KEYMAP} from '../../state/keys/keymap.js';
import {OutputPanel, statusText, type OutputExtra} from './output-panel.js';

export interface CapturePanelProps {
	readonly run: CaptureRun;
	readonly width: number;
	readonly height: number;
	readonly isFocused: boolean;
	readonly onStop: () => void;
	readonly onClose: () => void;
	readonly onKeep: () => void;
}

const keepKey = displayKey(KEYMAP.find((b) => b.id === 'keepCapture')?.keys[0] ?? '');

/** Where the pcap is, and whether it stays. */
export function pcapNote(run: CaptureRun): NonNullable<OutputExtra['notes']>[number] | undefined {
	if (!run.file) return undefined;
	if (run.kept) return {text: `kept for Wireshark: ${run.file}`, tone: 'good'};
	// Its path is in the command above: one row here, the output keeps the rest.
	return {text: `${keepKey} keeps the pcap; else it is removed on close`, tone: 'muted'};
}

export function captureStatus(run: CaptureRun): string {
	if (run.checking) return 'tcpdump checks the filter…';
	if (run.status === 'running') return `${run.dropped ? `floods: ${run.dropped.toLocaleString('en')} lines unseen · ` : ''}capturing… Esc stops it`;
	return statusText(run);
}

export function CapturePanel({run, width, height, isFocused, onStop, onClose, onKeep}: CapturePanelProps) {
	const note = pcapNote(run);
	const extra: OutputExtra = {
		status: captureStatus(run),
		waiting: run.checking ? 'checking the filter: tcpdump -d compiles it, capturing nothing' : 'no packets yet…',
		notes: note ? [note] : [],
		keys: {keepCapture: onKeep},
		stderrMuted: true,
		stopIsDone: true,
	};
	return <OutputPanel run={run} width={width} height={height} isFocused={isFocused} onStop={onStop} onClose={onClose} extra={extra} />;
}
