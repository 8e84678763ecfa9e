// CAMARA 0.11 ↔ 1.0: the same request body. What changed is not in the body's shape: sink gained
// `format: uri`, and the access token's kind (2- or 3-legged) now decides whether device must or
// must not be sent (MISSING_/UNNECESSARY_IDENTIFIER). Values are carried as they are; the target's
// report judges them (with `validateOptions.context` for the token rules).

import type { Step } from '../step.js';

export const qod011To10: Step = { older: 'qod-0.11', newer: 'qod-1.0', places: [] };
