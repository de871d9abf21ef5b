// The one function that makes a string safe to draw. Names come from the kernel, and root in any
// container (or any user with a writable /run/netns) picks them: an interface or namespace name may hold
// ESC, BEL, newlines or bidi overrides that a terminal would obey (retitle the window, write the
// clipboard with OSC 52, move the cursor, reorder text). Shown instead, visibly: C0 controls as their
// Unicode control pictures (␛ ␇ ␊), DEL as ␡, C1 controls and bidi controls as ⟨U+XXXX⟩. Printable text,
// box drawing and other scripts pass unchanged. What is drawn is this form, so text-width.ts measures it.
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** A byte of a name that is no UTF-8 (raw-names.ts), kept as U+DC80..U+DCFF: shown as \xXX. */
const STRAY_BYTE = /[\uDC80-\uDCFF]/gu;

export function shown(text: string): string {
	return text.replace(STRAY_BYTE, (c) => `\\x${(c.charCodeAt(0) - 0xdc00).toString(16)}`).replace(UNSAFE, (c) => {
		const code = c.charCodeAt(0);
		if (code < 0x20) return String.fromCodePoint(0x2400 + code);
		if (code === 0x7f) return '␡';
		return `⟨U+${code.toString(16).toUpperCase().padStart(4, '0')}⟩`;
	});
}

/** Whether a string holds anything `shown` would change. */
export const hasUnsafe = (text: string): boolean => new RegExp(UNSAFE.source).test(text) || new RegExp(STRAY_BYTE.source, 'u').test(text);
