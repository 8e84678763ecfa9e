// Helpers of the fix tests: the fix a rule offers for a body, read from the issue's text edit of
// the body's JSON text, as the value it writes at the issue's path (or 'removed' for an array item
// taken out). The edited text must parse to the body with exactly that change.

import { expect } from 'vitest';
import { validateJson, type ValidateOptions } from '../../src/index.js';
import { parsePointer } from '../../src/shared/pointer.js';

/** The body with the value at `path` set to `value`, or removed from its array when value is 'removed'. */
function changed(body: unknown, path: string, value: unknown): unknown {
  const copy = structuredClone(body) as Record<string, unknown>;
  const segments = parsePointer(path);
  const last = segments.pop()!;
  let parent: Record<string, unknown> = copy;
  for (const segment of segments) parent = parent[segment] as Record<string, unknown>;
  if (value === 'removed') (parent as unknown as unknown[]).splice(Number(last), 1);
  else parent[last] = value;
  return copy;
}

/**
 * The effect of the fix of the rule's issue at `path`, for the body as pretty JSON text: the new
 * value, 'removed', or undefined when the issue has no fix. Fails when the rule reports nothing
 * there (a fix accompanies a finding).
 */
export function fixAt(body: unknown, ruleId: string, path: string, options: ValidateOptions = {}): unknown {
  const text = JSON.stringify(body, null, 2);
  const report = validateJson(text, { dialect: 'auto', ...options });
  const issue = report.issues.find((i) => i.ruleId === ruleId && i.path === path);
  expect(issue, `${ruleId} reports at ${path}: ${report.issues.map((i) => `${i.ruleId}/${i.messageId}@${i.path}`).join(', ')}`).toBeDefined();
  const fix = issue!.fix;
  if (fix === undefined) return undefined;
  const after = JSON.parse(text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1])) as unknown;
  const effect = fix.text === '' ? 'removed' : JSON.parse(fix.text);
  expect(after).toEqual(changed(body, path, effect));
  return effect;
}
