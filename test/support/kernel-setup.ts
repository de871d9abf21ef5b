// setupFiles of the kernel project: what the system layer keeps for a process's life goes with each test
// file, since vitest ends its workers without the exit event the app relies on.
import {afterAll} from 'vitest';
import {removeBatchFiles} from '../../source/system/bulk-read.js';

afterAll(removeBatchFiles);
