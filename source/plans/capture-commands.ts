// C on an interface: tcpdump inside its namespace, as argv arrays like a plan's, through `ip netns exec NS`
// (plain in the host) as x runs commands. The filter is one word after `--`: tcpdump joins the words
// after its options into the expression, and `--` keeps a filter that starts with `-` from being read as
// an option (`-w /etc/passwd` would write there).
import {execIn} from './plan.js';

export interface CaptureRequest {
	readonly ns: string;
	/** The interface's name in that namespace. */
	readonly link: string;
	/** A pcap-filter expression; empty: every packet. */
	readonly filter: string;
}

/** The filter's words: none for an empty one (tcpdump then takes everything). */
const filterWords = (filter: string): string[] => (filter === '' ? [] : ['--', filter]);

/**
 * tcpdump compiles the filter for that interface's link type and prints the program (`-d`), capturing
 * nothing: a filter it cannot parse, an interface it cannot open, or no permission to capture is said
 * here, in tcpdump's words, before the capture starts.
 */
export const filterCheckArgv = (r: CaptureRequest): string[] => execIn(r.ns, 'tcpdump', '-i', r.link, '-d', ...filterWords(r.filter));

/**
 * One tcpdump writes the pcap (`-w FILE`, each packet as it comes: `-U`) and prints each packet decoded
 * (`--print`, tcpdump ≥ 4.99), a line at a time (`-l`), at once (`--immediate-mode`), with numbers only
 * (`-n`: no DNS lookup that could stall or send packets). `-Z root`: as root, tcpdump would otherwise
 * become the `tcpdump` user, which loses the parent-death signal (the kernel clears it when the uid
 * changes; it would outlive nsdeck) and could not write in a directory only we may write in. Not root,
 * tcpdump ignores it.
 */
export const captureArgv = (r: CaptureRequest, file: string): string[] =>
	execIn(r.ns, 'tcpdump', '-i', r.link, '-n', '-l', '-U', '--immediate-mode', '-Z', 'root', '-w', file, '--print', ...filterWords(r.filter));

/** Lines of decoded packets the panel keeps: the pcap has them all. */
export const CAPTURE_LINES = 5_000;
