// Warnings a form shows without refusing: an address already held on the same L2 segment (model/segment.ts).
// They go with the plan's consequences, drawn under its commands in the form; Enter still runs it.
import {duplicateOnSegment, type SegmentSeed} from '../../model/segment.js';
import type {World} from '../../model/types.js';
import {heldInNamespace, parseCidr} from '../../model/validate.js';
import type {Plan} from '../plan.js';

/** The plan, with what to warn of after its own consequences; the same plan when there is nothing. */
export function withWarnings(plan: Plan, warnings: ReadonlyArray<string | undefined>): Plan {
	const said = warnings.filter((w): w is string => w !== undefined);
	return said.length === 0 ? plan : {...plan, consequences: [...(plan.consequences ?? []), ...said]};
}

/** Where an address typed for `ns` is already held on the segment its link joins; nothing for an empty field. */
export const heldOnSegment = (world: World, ns: string, address: string, seeds: readonly SegmentSeed[]): string | undefined =>
	address === '' || seeds.length === 0 ? undefined : duplicateOnSegment(world, ns, address, seeds);

/**
 * What to warn of for an address typed for `ns`: held on the segment its link joins, else by another link of
 * the same namespace (`except` is the link it goes on, when it exists: that one refuses it instead).
 */
export function addressWarning(world: World, ns: string, address: string, seeds: readonly SegmentSeed[], except?: string): string | undefined {
	if (address === '') return undefined;
	const onSegment = heldOnSegment(world, ns, address, seeds);
	if (onSegment) return onSegment;
	const holder = heldInNamespace(world, ns, address, except);
	return holder ? `${parseCidr(address)?.address} is already on ${holder} in ${ns}: replies may leave by either` : undefined;
}
