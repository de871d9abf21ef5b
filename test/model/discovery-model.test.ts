// The pure parts of discovery: who a cgroup path belongs to (paths as real servers write them), nsfs mounts
// from mountinfo, namespace ids and their names on screen, labels.
import {describe, expect, it} from 'vitest';
import {cgroupOwner, cgroupPath} from '../../source/model/cgroup-label.js';
import {parseNetnsMounts} from '../../source/model/mountinfo.js';
import {isPathId, namedId, netnsName, nsDisplayName, processOf} from '../../source/model/netns-id.js';
import {labelText, namespaceHeading} from '../../source/model/netns-label.js';
import {compareNamespaces} from '../../source/model/compare-names.js';

const ID = '3f2a1b4c5d6e7f80912a3b4c5d6e7f80912a3b4c5d6e7f80912a3b4c5d6e7f80';
const UID = '8c1f6a2e-4b7d-4e0a-9f3c-2d5b6a7c8e9f';

describe('cgroupOwner', () => {
	it.each([
		['docker, systemd driver', `/system.slice/docker-${ID}.scope`, {container: {runtime: 'docker', id: ID}}],
		['docker, cgroupfs driver', `/docker/${ID}`, {container: {runtime: 'docker', id: ID}}],
		['podman', `/machine.slice/libpod-${ID}.scope/container`, {container: {runtime: 'podman', id: ID}}],
		[
			'kubernetes with containerd, systemd driver',
			`/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod${UID.replaceAll('-', '_')}.slice/cri-containerd-${ID}.scope`,
			{container: {runtime: 'containerd', id: ID}, podUid: UID},
		],
		['kubernetes with cri-o', `/kubepods.slice/kubepods-pod${UID.replaceAll('-', '_')}.slice/crio-${ID}.scope`, {container: {runtime: 'cri-o', id: ID}, podUid: UID}],
		['kubernetes, cgroupfs driver', `/kubepods/burstable/pod${UID}/${ID}`, {container: {runtime: 'kubernetes', id: ID}, podUid: UID}],
		['systemd-nspawn', '/machine.slice/systemd-nspawn@web.service/payload', {container: {runtime: 'nspawn', id: 'web'}}],
		['LXC', '/lxc.payload.web/init.scope', {container: {runtime: 'lxc', id: 'web'}}],
		['a service with PrivateNetwork=', '/system.slice/chronyd.service', {unit: 'chronyd.service'}],
		['a login session', '/user.slice/user-1000.slice/session-3.scope', {unit: 'session-3.scope'}],
		['nothing', '/', {}],
	])('%s', (_name, path, owner) => {
		expect(cgroupOwner(path)).toEqual(owner);
	});

	it('reads the v2 path, else the systemd v1 line', () => {
		expect(cgroupPath(`0::/system.slice/docker-${ID}.scope\n`)).toBe(`/system.slice/docker-${ID}.scope`);
		expect(cgroupPath(`12:pids:/docker/${ID}\n1:name=systemd:/docker/${ID}\n0::/\n`)).toBe(`/docker/${ID}`);
		expect(cgroupPath('')).toBeUndefined();
	});
});

describe('parseNetnsMounts', () => {
	it('takes the nsfs mounts of network namespaces, with their escaped paths', () => {
		const text = [
			'25 30 0:23 / /run rw,nosuid - tmpfs tmpfs rw',
			'610 25 0:4 net:[4026532281] /run/docker/netns/1a2b3c rw shared:5 - nsfs nsfs rw',
			'611 25 0:4 net:[4026532400] /run/netns/my\\040space rw - nsfs nsfs rw',
			'612 25 0:4 mnt:[4026532500] /run/mntns rw - nsfs nsfs rw',
			'',
		].join('\n');
		expect(parseNetnsMounts(text)).toEqual([
			{path: '/run/docker/netns/1a2b3c', ino: 4026532281, top: true},
			{path: '/run/netns/my space', ino: 4026532400, top: true},
		]);
	});

	it('says which are hidden by a later mount on their path or a directory above (discovery then looks itself)', () => {
		const text = [
			'610 25 0:4 net:[1] /run/netns/a rw - nsfs nsfs rw',
			'611 25 0:4 net:[2] /run/netns/b rw - nsfs nsfs rw',
			'612 25 0:4 net:[3] /run/netns/c rw - nsfs nsfs rw',
			'613 25 0:30 / /run/netns/a rw - tmpfs tmpfs rw',
			'614 25 0:4 net:[4] /run/netns/b rw - nsfs nsfs rw',
			'620 25 0:31 / /run/docker rw - tmpfs tmpfs rw',
			'621 25 0:4 net:[5] /run/docker/netns/x rw - nsfs nsfs rw',
		].join('\n');
		expect(parseNetnsMounts(text).map((m) => `${m.path} ${m.ino} ${m.top}`)).toEqual([
			'/run/netns/a 1 false',
			'/run/netns/b 2 false',
			'/run/netns/c 3 true',
			'/run/netns/b 4 true',
			'/run/docker/netns/x 5 true',
		]);
		expect(parseNetnsMounts('610 25 0:4 net:[1] /run/netns/a rw - nsfs nsfs rw\n630 25 0:32 / /run rw - tmpfs tmpfs rw\n')[0].top).toBe(false);
	});
});

describe('namespace ids', () => {
	it('are names, paths, or the host, and never collide', () => {
		expect(namedId('ns1')).toBe('ns1');
		expect(namedId('host')).toBe('/run/netns/host');
		expect(isPathId('/proc/42/ns/net')).toBe(true);
		expect(isPathId('ns1')).toBe(false);
		expect(netnsName('/run/netns/host')).toBe('host');
		expect(netnsName('/run/docker/netns/abc')).toBeUndefined();
		expect(netnsName('host')).toBeUndefined();
		expect(processOf('/proc/42/ns/net')).toBe(42);
	});

	it('have short names on screen', () => {
		expect(nsDisplayName('/proc/42/ns/net')).toBe('pid 42');
		expect(nsDisplayName('/run/docker/netns/1a2b3c')).toBe('1a2b3c');
		expect(nsDisplayName('ns1')).toBe('ns1');
	});

	it('sort the host first, then names, mounts and process-held ones by PID', () => {
		const list = [
			{id: '/proc/100/ns/net', kind: 'process' as const},
			{id: '/proc/9/ns/net', kind: 'process' as const},
			{id: '/run/docker/netns/x', kind: 'mounted' as const},
			{id: 'ns10', kind: 'named' as const},
			{id: 'ns2', kind: 'named' as const},
			{id: 'host', kind: 'host' as const},
		];
		expect(list.sort(compareNamespaces).map((n) => n.id)).toEqual(['host', 'ns2', 'ns10', '/run/docker/netns/x', '/proc/9/ns/net', '/proc/100/ns/net']);
	});
});

describe('labels', () => {
	it('say the pod, else the container, else the unit, else the main process; and how many processes', () => {
		const main = {pid: 4242, command: 'sleep'};
		expect(labelText({processes: 1, main})).toBe('sleep 4242');
		expect(labelText({processes: 3, main, container: {runtime: 'docker', id: ID}})).toBe('docker 3f2a1b4c5d6e · 3 procs');
		expect(labelText({processes: 1, main, container: {runtime: 'docker', id: ID, name: 'web'}})).toBe('docker web');
		expect(labelText({processes: 2, main, container: {runtime: 'containerd', id: ID}, pod: {namespace: 'kube-system', name: 'coredns-5d78c9869d-x2b7q'}})).toBe(
			'pod kube-system/coredns-5d78c9869d-x2b7q · 2 procs',
		);
		expect(labelText({processes: 1, main, unit: 'chronyd.service'})).toBe('chronyd.service');
		expect(labelText(undefined)).toBe('');
		expect(namespaceHeading({id: '/proc/4242/ns/net', label: {processes: 1, main}})).toBe('pid 4242 (sleep 4242)');
	});
});
