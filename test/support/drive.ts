// Driving the app with keys as a user would: select by name, fill forms field by field.
import {KEYS, press, waitForFrame, type Rendered} from './ink.js';

const escape = (s: string): string => s.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Move the focused list until the row `name` has the › marker (at most `limit` steps). */
export async function selectRow(app: Rendered, name: string, limit = 40): Promise<void> {
	const marked = new RegExp(`›${escape(name)}\\s`);
	await press(app, 'g');
	for (let i = 0; i < limit; i++) {
		if (marked.test(app.lastFrame() ?? '')) return;
		await press(app, 'j');
	}
	await waitForFrame(app, marked, 500);
}

export type Field = string | {readonly choose: string} | {readonly toggle: true} | {readonly skip: true};

/** Fill a form's fields in order: text is typed, choices are cycled until shown, then Enter. */
export async function fillForm(app: Rendered, title: string, fields: readonly Field[]): Promise<void> {
	await waitForFrame(app, title);
	for (const [index, field] of fields.entries()) {
		if (typeof field === 'string') {
			if (field) await press(app, field);
		} else if ('choose' in field) {
			const shown = new RegExp(`›[^\\n]*‹ ${escape(field.choose)} ›`);
			for (let i = 0; i < 30 && !shown.test(app.lastFrame() ?? ''); i++) await press(app, KEYS.right);
			await waitForFrame(app, shown, 500);
		} else if ('toggle' in field) {
			await press(app, KEYS.space);
		}
		if (index < fields.length - 1) await press(app, KEYS.tab);
	}
	await press(app, KEYS.enter);
}
