import {describe, expect, it} from 'vitest';
import {parseMonitorLine} from '../../source/model/monitor.js';

// Lines as `ip monitor all-nsid link address route nsid` printed them in the lab (iproute2 6.1).
describe('parseMonitorLine', () => {
	it.each([
		['[nsid current]3: x@if2: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state LOWERLAYERDOWN', {source: 'current', nsidChanged: false}],
		['[nsid 0]1: lo    inet 10.9.9.9/24 scope global lo', {source: 0, nsidChanged: false}],
		['[nsid 12]10.10.0.0/16 dev lo scope link ', {source: 12, nsidChanged: false}],
		['[nsid 1]local ::1 dev lo table local proto kernel metric 0 pref medium', {source: 1, nsidChanged: false}],
		['[nsid current]Deleted 2: y@x: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN', {source: 'current', nsidChanged: false}],
		['[nsid current]nsid 1 (iproute2 netns name: b)', {source: 'current', nsidChanged: true}],
		['[nsid current]Deleted nsid 1 (iproute2 netns name: b)', {source: 'current', nsidChanged: true}],
		['[nsid 0]nsid 0 (iproute2 netns name: a)', {source: 0, nsidChanged: true}],
	])('%s', (line, expected) => {
		expect(parseMonitorLine(line)).toEqual(expected);
	});

	it.each([
		'    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
		'       valid_lft forever preferred_lft forever',
		'',
		'[nsid x]garbage',
		'3: eth0: <BROADCAST> mtu 1500',
	])('ignores continuation lines and noise: %j', (line) => {
		expect(parseMonitorLine(line)).toBeUndefined();
	});
});
