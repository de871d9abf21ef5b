// Runs before each unit test file. The unit project shares one module graph per worker (isolate: false,
// vitest.config.ts): whatever a file leaves running would go on in the files after it. So every app a
// file rendered is unmounted when the file ends (ink-testing-library keeps them all; unmounting twice
// does nothing), and real timers are back.
import {cleanup} from 'ink-testing-library';
import {afterAll, vi} from 'vitest';

afterAll(() => {
	cleanup();
	vi.useRealTimers();
});
