// A bundle-time change to ink's Output (build/output.js). Inside a box with overflow="hidden" (every pane
// of nsdeck) ink passes each line of text through sliceAnsi to cut it to the clip, even when the whole
// line lies inside it. That slice re-tokenizes every line of every frame: ~15 ms of the first frame with a
// full screen. The patch keeps a line that needs no cut as it is; sliceAnsi(line, 0, width) gives the same
// cells (test/ink-clip-patch.test.ts).

const FROM = `                            const to = x + width > clip.x2 ? clip.x2 - x : width;
                            return sliceAnsi(line, from, to);`;
const TO = `                            const to = x + width > clip.x2 ? clip.x2 - x : width;
                            if (from === 0 && to === width) return line;
                            return sliceAnsi(line, from, to);`;

/** build/output.js, patched; throws if it changed so that the patch no longer applies. */
export function patchInkClip(source) {
	if (!source.includes(FROM)) throw new Error('ink output.js changed: check scripts/ink-clip-patch.mjs');
	return source.replace(FROM, TO);
}
