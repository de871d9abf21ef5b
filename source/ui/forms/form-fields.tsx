// Draws the fields form-layout.ts chose to show: the focused one marked ›, a field's message beside its
// value or, when too long, wrapped below it; ↑ and ↓ in the marker column say more fields are above or below.
import {Box} from 'ink';
import type {FormState} from '../../state/form/form-state.js';
import type {FormFacts} from '../../state/form/form-facts.js';
import {errorShown, placeholderOf, shownOf, valueCell} from '../../state/form/field-rows.js';
import type {FormLayout} from '../../state/form/form-layout.js';
import {padWidth} from '../../model/text-width.js';
import {fit} from '../list-window.js';
import {Text} from '../text.js';
import {theme} from '../theme.js';

export interface FormFieldsProps {
	readonly facts: FormFacts;
	readonly state: FormState;
	readonly layout: FormLayout;
}

export function FormFields({facts, state, layout}: FormFieldsProps) {
	const t = theme();
	return (
		<>
			{layout.fields.map(({index, errorRows, marker}) => {
				const field = facts.spec.fields[index];
				const focused = index === state.focus;
				const error = errorShown(facts.errors, state, field.id);
				const shown = shownOf(field, state) + (field.kind === 'text' && focused ? '▏' : '');
				const placeholder = placeholderOf(field, state, focused);
				const below = error !== undefined && errorRows > 0;
				return (
					<Box key={field.id} flexDirection="column" flexShrink={0}>
						<Text wrap="truncate">
							<Text bold={focused} color={focused ? t.accent : undefined}>
								{focused ? '›' : (marker ?? ' ')}
								{field.label.padEnd(layout.labelWidth)}
							</Text>
							{placeholder ? (
								<Text color={t.muted} inverse={focused && t.inverse}>
									{padWidth(placeholder, valueCell(field, shown, layout))}
								</Text>
							) : (
								<Text inverse={focused && t.inverse}>{fit(shown, valueCell(field, shown, layout))}</Text>
							)}
							{error && !below && <Text color={t.bad}> ✗ {error}</Text>}
						</Text>
						{below && (
							<Box paddingLeft={2} height={errorRows} overflow="hidden" flexShrink={0}>
								<Text color={t.bad} wrap="wrap">
									✗ {error}
								</Text>
							</Box>
						)}
					</Box>
				);
			})}
		</>
	);
}
