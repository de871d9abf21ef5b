// One line: what world this is (LAB or the host), whether it can be changed, and what is happening.
import {Box} from 'ink';
import {Text} from './text.js';
import {theme} from './theme.js';

export interface TitleBarProps {
	readonly lab: boolean;
	readonly dryRun?: boolean;
	readonly readOnlyReason?: string;
	/** Something about this world worth knowing, shown while there is no message. */
	readonly note?: string;
	/** What discovery could not look at (partial sight): always shown, beside any message. */
	readonly unseen?: string;
	readonly loading: boolean;
	/** Namespaces read so far while a large world loads. */
	readonly progress?: {readonly done: number; readonly total: number};
	readonly message?: {readonly text: string; readonly tone: 'info' | 'error'};
	readonly width: number;
}

/** `12 unseen: no rights to see a process`, one reason after another. */
export function unseenText(unseen: Readonly<Record<string, number>> | undefined): string | undefined {
	const parts = Object.entries(unseen ?? {}).map(([reason, count]) => `${count} unseen: ${reason}`);
	return parts.length > 0 ? parts.join(', ') : undefined;
}

export function TitleBar({lab, dryRun, readOnlyReason, note, unseen, loading, progress, message, width}: TitleBarProps) {
	const detail = [lab ? 'private sandbox: the host is untouched' : undefined, note].filter(Boolean).join(' · ');
	const t = theme();
	return (
		<Box width={width} height={1}>
			<Box flexShrink={0}>
				<Text bold>nsdeck </Text>
				{lab ? (
					<Text bold inverse color={t.lab}>
						{' LAB '}
					</Text>
				) : (
					<Text bold>[host]</Text>
				)}
				{dryRun && <Text bold color={t.warn}> DRY RUN</Text>}
				{readOnlyReason && <Text color={t.warn}> {readOnlyReason}</Text>}
				{progress ? (
					<Text color={t.muted}>
						{' '}
						reading {progress.done}/{progress.total}
					</Text>
				) : (
					loading && <Text color={t.muted}> reading…</Text>
				)}
				{unseen && <Text color={t.warn}> {unseen}</Text>}
			</Box>
			{message ? (
				<Text color={message.tone === 'error' ? t.bad : t.good} wrap="truncate">
					{' '}
					{message.text}
				</Text>
			) : (
				detail && (
					<Text color={t.muted} wrap="truncate">
						{' '}
						{detail}
					</Text>
				)
			)}
		</Box>
	);
}
