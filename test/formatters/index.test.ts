import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultFormatterName, formatterNames, isFormatterName, loadFormatter } from '../../src/formatters/index.js';
import github from '../../src/formatters/github.js';
import json from '../../src/formatters/json.js';
import junit from '../../src/formatters/junit.js';
import sarif from '../../src/formatters/sarif.js';
import stylish from '../../src/formatters/stylish.js';
import { cases, context } from './results.js';

describe('formatters', () => {
  it('maps each name to the formatter of the same file name, sorted', async () => {
    const modules = { github, json, junit, sarif, stylish };
    expect(formatterNames).toEqual(['github', 'json', 'junit', 'sarif', 'stylish']);
    for (const name of formatterNames) expect(await loadFormatter(name)).toBe(modules[name]);
    const files = readdirSync(new URL('../../src/formatters/', import.meta.url))
      .filter((f) => f.endsWith('.ts') && !['index.ts', 'types.ts', 'utils.ts'].includes(f))
      .map((f) => f.slice(0, -3))
      .sort();
    expect(files).toEqual(formatterNames);
  });

  it('has stylish as the default', async () => {
    expect(defaultFormatterName).toBe('stylish');
    expect(await loadFormatter(defaultFormatterName)).toBe(stylish);
  });

  it('knows names without reaching the prototype', () => {
    expect(isFormatterName('sarif')).toBe(true);
    for (const name of ['toString', '__proto__', 'constructor', 'SARIF', 'html', '']) expect(isFormatterName(name)).toBe(false);
  });

  it('formatters are pure: same input, same output, input untouched', async () => {
    const input = structuredClone(cases.mixed.concat(cases.multiBody, cases.special));
    const before = JSON.stringify(input);
    for (const name of formatterNames) {
      const format = await loadFormatter(name);
      const first = format(input, context);
      expect(format(input, context)).toBe(first);
      expect(typeof first).toBe('string');
    }
    expect(JSON.stringify(input)).toBe(before);
  });
});
