// CAMARA 1.0 ↔ 1.1: the same request body. 1.1 restricts sink to https (^https://.+$, 400
// INVALID_SINK) and no longer cross-checks several device identifiers. An http sink is carried as
// it is and the 1.1 report rejects it: a URL's scheme is not the migration's to change.

import type { Step } from '../step.js';

export const qod10To11: Step = { older: 'qod-1.0', newer: 'qod-1.1', places: [] };
