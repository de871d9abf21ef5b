// The record each parsed object came from, as ip (or the helper, in ip's keys) printed it. `show --json`
// speaks iproute2: it prints these records as they were, so a jq filter written for `ip -j` works on it.
// A WeakMap, not a field: the parsed objects stay what the rest of nsdeck compares and copies, and a
// record lives only as long as the object read from it.
type Json = Record<string, unknown>;

const RECORDS = new WeakMap<object, Json>();
let keeping = true;

/**
 * From now on, keep no record: the app prints none, and at 1,000 namespaces they are a second copy of the
 * world in memory (every object ip printed, held as long as the object read from it).
 */
export function keepNoRecords(): void {
	keeping = false;
}

/** `parsed`, remembered as read from `raw` (unless records are no longer kept). */
export function fromRecord<T extends object>(parsed: T, raw: Json): T {
	if (keeping) RECORDS.set(parsed, raw);
	return parsed;
}

/** The record `parsed` was read from, if it was read (not planned, not made by hand). */
export const recordOf = (parsed: object): Json | undefined => RECORDS.get(parsed);
