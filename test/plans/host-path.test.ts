// ip names the host in `link set … netns` by PID 1's namespace (/proc/1/ns/net). When nsdeck itself runs in
// another namespace (`ip netns exec a nsdeck`), the host on screen is nsdeck's own and PID 1's is listed
// apart: a move or a new device "into host" would land there. The forms refuse it, and say why.
import {describe, expect, it} from 'vitest';
import {HOST_ID, type World} from '../../source/model/types.js';
import {moveForm} from '../../source/plans/forms/link-forms.js';
import {stackedDeviceForm} from '../../source/plans/forms/device-forms.js';
import {WorldBuilder} from '../support/hand-world.js';

const PID1 = '/proc/1/ns/net';

function worlds(): {normal: World; inside: World} {
	const normal = new WorldBuilder().namespace(HOST_ID).namespace('b').veth('b/q', 'b/r').build();
	// nsdeck in namespace a: discovery lists PID 1's namespace by its path, as another namespace.
	const inside = {namespaces: [...normal.namespaces, {id: PID1, kind: 'process' as const, path: PID1, links: [], routes: [], nsids: []}]} as World;
	return {normal, inside};
}

const linkOf = (world: World, ns: string, name: string) => world.namespaces.find((n) => n.id === ns)?.links.find((l) => l.name === name);

describe('moving into the host by PID 1\'s path', () => {
	it('is offered where nsdeck runs in PID 1\'s namespace, refused where it does not', () => {
		const {normal, inside} = worlds();
		for (const [world, refused] of [[normal, false], [inside, true]] as const) {
			const form = moveForm({world, ns: 'b', link: linkOf(world, 'b', 'q')});
			if (typeof form === 'string') throw new Error(form);
			const errors = form.validate({...form.initial, to: HOST_ID}, world);
			if (refused) expect(errors.to).toMatch(/nsdeck runs outside PID 1's namespace/);
			else expect(errors.to).toBeUndefined();
		}
	});

	it('a device made in b straight into the host: refused the same way', () => {
		const {inside} = worlds();
		const form = stackedDeviceForm({world: inside, ns: 'b', link: linkOf(inside, 'b', 'q')});
		if (typeof form === 'string') throw new Error(form);
		const errors = form.validate({...form.initial, into: HOST_ID}, inside);
		expect(errors.into).toMatch(/nsdeck runs outside PID 1's namespace/);
	});
});
