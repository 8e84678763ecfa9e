// An engine module that imports a rule implementation (not the rules API).
import rule from '../rules/bad-rule.js';
export const run = (): unknown => rule;
