// sink: PLACEHOLDER — to be implemented.

import { defineRule } from '../engine/define-rule.js';

export default defineRule({
  meta: {
    docs: { description: 'TODO' },
    messages: { todo: 'TODO' },
    status: 400,
    code: 'INVALID_ARGUMENT',
  },
  check() {},
});
