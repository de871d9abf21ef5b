// C on an interface: capture its packets with tcpdump. One field, the filter; what the form checks is what
// needs no process (control characters, length). Whether tcpdump accepts the filter is known only once
// tcpdump has compiled it (capture-commands.ts's filterCheckArgv), which takes a process: that check runs
// after Enter, and a refusal opens this form again with tcpdump's message (`refused`), shown at once.
import {HOST_ID} from '../../model/types.js';
import {captureArgv, type CaptureRequest} from '../capture-commands.js';
import type {Plan} from '../plan.js';
import {errorsOf, text, type FormSpec} from './form-spec.js';

export interface CapturePlan extends Plan {
	readonly capture: CaptureRequest;
}

/** Longer than any filter written by hand, short enough to show. */
export const MAX_FILTER = 1_000;

/** The file name the preview shows: the real one is made when the capture starts (system/capture-files.ts). */
export const PREVIEW_FILE = 'FILE.pcap';

export function checkFilter(filter: string): string | undefined {
	if (/[\u0000-\u001F\u007F]/.test(filter)) return 'control characters are not allowed';
	if (filter.length > MAX_FILTER) return `at most ${MAX_FILTER} characters`;
	return undefined;
}

/**
 * `start`: what the field starts with (the last one, or the one tcpdump refused); `refused`: tcpdump's
 * message about it, shown on the field for as long as it holds that filter.
 */
export function captureForm(ns: string, link: string, start = '', refused?: string): FormSpec<CapturePlan> {
	const where = ns === HOST_ID ? 'the host' : ns;
	return {
		title: `Capture on ${link} in ${where} (tcpdump)`,
		fields: [{id: 'filter', label: 'Filter', kind: 'text', placeholder: 'e.g. icmp, tcp port 80 (empty: every packet)'}],
		initial: {filter: start},
		showErrors: refused !== undefined,
		validate(v) {
			const filter = text(v, 'filter');
			return errorsOf({filter: checkFilter(filter) ?? (filter === start.trim() ? refused : undefined)});
		},
		plan(v): CapturePlan {
			const capture: CaptureRequest = {ns, link, filter: text(v, 'filter')};
			return {
				title: `Capture on ${link} in ${where}`,
				steps: [{argv: captureArgv(capture, PREVIEW_FILE)}],
				dangerous: false,
				affects: [],
				consequences: ['tcpdump compiles the filter first; the pcap file is removed when the panel closes, unless you keep it'],
				capture,
			};
		},
	};
}
