import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultFormatterName, formatterNames, formatters, getFormatter, isFormatterName } from '../../src/formatters/index.js';
import github from '../../src/formatters/github.js';
import json from '../../src/formatters/json.js';
import junit from '../../src/formatters/junit.js';
import sarif from '../../src/formatters/sarif.js';
import stylish from '../../src/formatters/stylish.js';
import { cases, context } from './results.js';

describe('formatters', () => {
  it('maps each name to the formatter of the same file name, sorted', () => {
    expect(formatters).toEqual({ github, json, junit, sarif, stylish });
    expect(formatterNames).toEqual(['github', 'json', 'junit', 'sarif', 'stylish']);
    const files = readdirSync(new URL('../../src/formatters/', import.meta.url))
      .filter((f) => f.endsWith('.ts') && !['index.ts', 'types.ts', 'utils.ts'].includes(f))
      .map((f) => f.slice(0, -3))
      .sort();
    expect(files).toEqual(formatterNames);
  });

  it('has stylish as the default', () => {
    expect(defaultFormatterName).toBe('stylish');
    expect(getFormatter(defaultFormatterName)).toBe(stylish);
  });

  it('looks names up without reaching the prototype', () => {
    expect(isFormatterName('sarif')).toBe(true);
    expect(getFormatter('junit')).toBe(junit);
    for (const name of ['toString', '__proto__', 'constructor', 'SARIF', 'html', '']) {
      expect(isFormatterName(name)).toBe(false);
      expect(getFormatter(name)).toBeUndefined();
    }
  });

  it('formatters are pure: same input, same output, input untouched', () => {
    const input = structuredClone(cases.mixed.concat(cases.multiBody, cases.special));
    const before = JSON.stringify(input);
    for (const name of formatterNames) {
      const first = formatters[name](input, context);
      expect(formatters[name](input, context)).toBe(first);
      expect(typeof first).toBe('string');
    }
    expect(JSON.stringify(input)).toBe(before);
  });
});
