// The capture panel's view over the fake system: it pauses (space, or scrolling up) while packets keep
// coming and follows again on End, and keeps only the last CAPTURE_LINES packets, counting the rest.
import {afterEach, describe, expect, it} from 'vitest';
import {CAPTURE_LINES} from '../../source/plans/capture-commands.js';
import {CHECK, fakeCaptures, live, start, stopApp} from '../support/capture-app.js';
import {KEYS, press, waitForFrame} from '../support/ink.js';

afterEach(stopApp);

describe('C: the capture panel as packets stream', () => {
	it('holds the view while packets keep coming: space pauses, ↑ too; End follows again', async () => {
		const {app, system} = await start(fakeCaptures(), [{argv: CHECK}]);
		const {stream, emit} = live();
		system.stream = stream;
		await press(app, 'C');
		await waitForFrame(app, 'Capture on veth_ns1');
		await press(app, 'icmp');
		await press(app, KEYS.enter);
		await waitForFrame(app, 'no packets yet');
		emit(1, 3);
		await waitForFrame(app, 'seq 3,');
		await press(app, ' ');
		await waitForFrame(app, 'paused');
		emit(4, 6);
		let frame = await waitForFrame(app, '3 new');
		expect(frame).toContain('seq 3,');
		expect(frame).not.toContain('seq 4,');
		expect(frame).toContain('capturing… Esc stops it');
		await press(app, ' ');
		frame = await waitForFrame(app, 'seq 6,');
		expect(frame).not.toContain('paused');
		// Scrolled up is paused too: what is read stays put.
		emit(7, 40);
		await waitForFrame(app, 'seq 40,');
		await press(app, KEYS.up);
		frame = await waitForFrame(app, 'paused');
		const shown = frame.split('\n').filter((row) => row.includes('ICMP echo request'));
		emit(41, 60);
		frame = await waitForFrame(app, '20 new');
		expect(frame.split('\n').filter((row) => row.includes('ICMP echo request'))).toEqual(shown);
		await press(app, '\u001B[F'); // End
		frame = await waitForFrame(app, 'seq 60,');
		expect(frame).not.toContain('paused');
	});

	it('keeps the last CAPTURE_LINES packets in its ring and counts the rest as unseen', async () => {
		const {app, system} = await start(fakeCaptures(), [{argv: CHECK}]);
		const {stream, emit} = live();
		system.stream = stream;
		await press(app, 'C');
		await waitForFrame(app, 'Capture on veth_ns1');
		await press(app, 'icmp');
		await press(app, KEYS.enter);
		await waitForFrame(app, 'no packets yet');
		emit(1, CAPTURE_LINES + 10);
		let frame = await waitForFrame(app, 'floods: 10 lines unseen · capturing… Esc stops it');
		expect(frame).toContain(`seq ${CAPTURE_LINES + 10},`);
		expect(frame).toContain(`of ${CAPTURE_LINES}`);
		await press(app, '\u001B[H'); // Home: the oldest kept
		frame = await waitForFrame(app, 'seq 11,');
		expect(frame).not.toContain('seq 10,');
	});
});
