import { describe, expect, it } from 'vitest';
import { closestMatch } from '../../src/engine/suggest.js';

describe('closestMatch', () => {
  const keys = ['dialect', 'policy', 'context', 'rules', 'plugins', 'maxIssues'];

  it.each([
    ['rule', 'rules'],
    ['rulez', 'rules'],
    ['polciy', 'policy'],
    ['maxissues', 'maxIssues'],
    ['MAXISSUES', 'maxIssues'],
    ['contxt', 'context'],
    ['plugin', 'plugins'],
  ])('suggests %s → %s', (name, expected) => {
    expect(closestMatch(name, keys)).toBe(expected);
  });

  it.each(['foo', 'colour', 'x', 'overrides', ''])('suggests nothing for %j', (name) => {
    expect(closestMatch(name, keys)).toBeUndefined();
  });

  it('allows one edit per three characters of the longer word', () => {
    expect(closestMatch('tokenIdentifiesDevic', ['tokenIdentifiesDevice'])).toBe('tokenIdentifiesDevice');
    expect(closestMatch('tokenIdentifiesDev', ['tokenIdentifiesDevice'])).toBe('tokenIdentifiesDevice');
    expect(closestMatch('mn', ['min', 'max'])).toBe('min');
    expect(closestMatch('val', ['value'])).toBeUndefined();
  });

  it('prefers the closest candidate, then the first listed', () => {
    expect(closestMatch('port-rangess', ['port-range', 'port-ranges'])).toBe('port-ranges');
    expect(closestMatch('ab', ['ac', 'ad'])).toBe('ac');
  });

  it('never suggests the name itself', () => {
    expect(closestMatch('rules', ['rules'])).toBeUndefined();
  });
});
