// The first frame waits for the host's read, which runs in its own process: it has to be started before
// discovery keeps this thread busy, not after.
import {describe, expect, it} from 'vitest';
import {readFirst} from '../../source/system/first-read.js';
import {HOST_ID} from '../../source/model/types.js';
import {createFakeSystem} from '../support/fake-system.js';
import {WorldBuilder} from '../support/hand-world.js';

describe('readFirst', () => {
	it("starts the host's read before it lists the namespaces", async () => {
		const fake = createFakeSystem(new WorldBuilder().namespace(HOST_ID).namespace('ns1').build());
		const calls: string[] = [];
		const system = {
			...fake,
			readNamespace: (id: string) => (calls.push(`read ${id}`), fake.readNamespace(id)),
			listNamespaces: () => (calls.push('list'), fake.listNamespaces()),
		};
		const {listing, first} = await readFirst(system);
		expect(calls).toEqual([`read ${HOST_ID}`, 'list']);
		expect(first?.id).toBe(HOST_ID);
		expect(listing.places.map((p) => p.id)).toContain(HOST_ID);
	});
});
