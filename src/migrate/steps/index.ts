// The steps between neighbouring dialects: CAMARA's versions in a line, and the SDK model beside
// 0.10, the version it mirrors (./sdk-0.10.ts). Any migration is a chain of these.

import type { Step } from '../step.js';
import { qod08To09 } from './0.8-0.9.js';
import { qod09To010 } from './0.9-0.10.js';
import { qod010To011 } from './0.10-0.11.js';
import { qod011To10 } from './0.11-1.0.js';
import { qod10To11 } from './1.0-1.1.js';
import { qod11To12 } from './1.1-1.2.js';
import { sdkTo010 } from './sdk-0.10.js';

export const steps: readonly Step[] = [qod08To09, qod09To010, qod010To011, qod011To10, qod10To11, qod11To12, sdkTo010];
