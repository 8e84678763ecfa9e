// Stages point one way (DESIGN.md "Data flow"): dependency-cruiser checks every import of src/
// against .dependency-cruiser.cjs. A planted tree under test/data/architecture proves the rules
// fire, so that a clean result on src/ means something.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';
import { root } from './cli/helpers.js';

const config = createRequire(import.meta.url)(join(root, '.dependency-cruiser.cjs')) as { forbidden: unknown[]; options: Record<string, unknown> };

async function violations(baseDir: string): Promise<string[]> {
  const result = await cruise(['src'], { ruleSet: { forbidden: config.forbidden } as never, ...config.options, tsConfig: undefined, baseDir, validate: true } as never);
  const output = result.output as ICruiseResult;
  expect(output.summary.totalCruised).toBeGreaterThan(3);
  return output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
}

describe('architecture', () => {
  it('src/ imports only along the stage order', async () => {
    expect(await violations(root)).toEqual([]);
    const all = await cruise(['src'], { ...config.options, tsConfig: undefined, baseDir: root } as never);
    expect((all.output as ICruiseResult).summary.totalCruised).toBeGreaterThan(80);
  }, 60_000);

  it('the rules catch imports against the stage order (planted tree)', async () => {
    const found = await violations(join(root, 'test/data/architecture'));
    expect(found).toEqual(
      expect.arrayContaining([
        'rules-see-the-model-and-facts-only: src/rules/bad-rule.ts → src/engine/run.ts',
        'rules-see-the-model-and-facts-only: src/rules/bad-rule.ts → src/parse/scan.ts',
        'engine-knows-no-rule: src/engine/run.ts → src/rules/bad-rule.ts',
        'parse-imports-only-earlier-stages: src/parse/scan.ts → src/model/model.ts',
        'frameworks-are-types-only: src/gateway/framework.ts → ../../../node_modules/express/index.js',
        'probe-uses-the-public-api: src/probe/bad-probe.ts → src/parse/scan.ts',
      ]),
    );
    expect(found.some((v) => v.startsWith('no-circular'))).toBe(true);
  }, 60_000);
});
