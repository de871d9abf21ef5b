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

/** What tcpdump said when it refused, and whether it was about the filter or about the rest (no permission, no such device). */
export interface Refusal {
	readonly message: string;
	readonly about: 'filter' | 'capture';
}

/**
 * Whose fault tcpdump says it is. Opening the interface fails naming it (`tcpdump: eth0: You don't have
 * permission …`, `… No such device exists`); what pcap_compile refuses has many words (`unknown host
 * 'x'`, `illegal port number`, `syntax error in filter expression`), so the rest is the filter's.
 */
export function refusalOf(message: string, link: string): Refusal {
	const aboutInterface = message.startsWith(`tcpdump: ${link}: `) || /permission|not permitted|no such device/i.test(message);
	return {message, about: aboutInterface ? 'capture' : 'filter'};
}

/**
 * `start`: what the field starts with (the last one, or the one tcpdump refused); `refused`: what tcpdump
 * said, shown (on the field, or under the fields) for as long as the field holds that filter: edited, the
 * form may be sent again.
 */
export function captureForm(ns: string, link: string, start = '', refused?: Refusal): FormSpec<CapturePlan> {
	const where = ns === HOST_ID ? 'the host' : ns;
	return {
		title: `Capture on ${link} in ${where} (tcpdump)`,
		fields: [{id: 'filter', label: 'Filter', kind: 'text', placeholder: 'e.g. icmp, tcp port 80 (empty: every packet)'}],
		initial: {filter: start},
		showErrors: refused !== undefined,
		validate(v) {
			const filter = text(v, 'filter');
			const said = refused && filter === start.trim() ? refused : undefined;
			return errorsOf({filter: checkFilter(filter) ?? (said?.about === 'filter' ? said.message : undefined), _form: said?.about === 'capture' ? said.message : undefined});
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
