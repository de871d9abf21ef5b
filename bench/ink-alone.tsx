// The least an ink app can do at start: one bordered line, bundled and started exactly as nsdeck is
// (scripts/bundle.mjs: the same bundle options, source/start.ts as its entry, the same Node options and
// compile cache). bench/run.mjs times its first frame beside nsdeck's: what ink, React and yoga cost
// before nsdeck reads or draws anything. The line matches the bench's "host shown" pattern.
import '../source/without-fetch.js';
import {Box, Text, render, useApp, useInput} from 'ink';

function InkAlone() {
	const {exit} = useApp();
	useInput((input) => {
		if (input === 'q') exit();
	});
	return (
		<Box borderStyle="single">
			<Text>nsdeck: ink alone · Interfaces in host (1)</Text>
		</Box>
	);
}

render(<InkAlone />);
