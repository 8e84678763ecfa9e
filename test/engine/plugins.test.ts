import { describe, expect, it } from 'vitest';
import acme from '../../examples/no-test-profiles.mjs';
import { ConfigError, createValidator, defineRule, validate, type Plugin } from '../../src/index.js';

const body = { applicationServer: { ipv4Address: '198.51.100.0/24' }, qosProfile: 'TEST_FAST', duration: 60 };

describe('plugins and custom rules', () => {
  it('reports a custom rule from outside src/ with its id, message, status and code', () => {
    const report = validate(body, { plugins: [acme] });
    const issue = report.issues.find((i) => i.ruleId === 'acme/no-test-profiles');
    expect(issue).toMatchObject({
      messageId: 'testProfile',
      severity: 'error',
      path: '/qosProfile',
      message: "QoS profile 'TEST_FAST' starts with 'TEST_' and is for tests only.",
      status: 422,
      code: 'QUALITY_ON_DEMAND.QOS_PROFILE_NOT_APPLICABLE',
    });
    expect(report.valid).toBe(false);
  });

  it.each([
    ['off', undefined],
    ['info', 'info'],
    ['warn', 'warn'],
    ['error', 'error'],
  ] as const)('configured %s', (level, severity) => {
    const report = validate(body, { plugins: [acme], rules: { 'acme/no-test-profiles': level } });
    expect(report.issues.find((i) => i.ruleId === 'acme/no-test-profiles')?.severity).toBe(severity);
  });

  it('takes options as [severity, options]', () => {
    const { validate: run } = createValidator({ plugins: [acme], rules: { 'acme/no-test-profiles': ['warn', { prefix: 'QA_' }] } });
    expect(run(body).issues.some((i) => i.ruleId === 'acme/no-test-profiles')).toBe(false);
    const report = run({ ...body, qosProfile: 'QA_SLOW' });
    expect(report.issues.find((i) => i.ruleId === 'acme/no-test-profiles')).toMatchObject({ severity: 'warn', data: { prefix: 'QA_' } });
    expect(report.valid).toBe(true);
    expect(report.warningCount).toBeGreaterThanOrEqual(1);
  });

  it.each([
    [{ rules: { 'no-such-rule': 'error' } }, /Unknown rule 'no-such-rule'/],
    [{ rules: { 'acme/no-test-profiles': 'error' } }, /Unknown rule 'acme\/no-test-profiles'/],
    [{ plugins: [acme], rules: { 'acme/no-test-profiles': 'fatal' } }, /^rules\['acme\/no-test-profiles'\] must be one of 'off', 'info', 'warn', 'error' \(got 'fatal'\)\.$/],
    [{ plugins: [acme], rules: { 'acme/no-test-profiles': ['error', { prefix: 3 }] } }, /^Rule 'acme\/no-test-profiles': option 'prefix' must be a string \(got 3\)\.$/],
    [{ plugins: [acme], rules: { 'acme/no-test-profiles': ['error', { other: 1 }] } }, /^Rule 'acme\/no-test-profiles': unknown option 'other' \(known here: prefix\)\.$/],
    [{ plugins: [acme], rules: { 'acme/no-test-profiles': ['error', 'x'] } }, /^rules\['acme\/no-test-profiles'\]\[1\] must be an object of the rule's options \(got 'x'\)\.$/],
    [{ plugins: [{ name: 'bad', rules: { r: { check: 1 } } }] }, /Rule 'bad\/r' is not a rule/],
    [{ plugins: [{ rules: {} }] }, /^plugins\[0\]\.name is required\.$/],
    [{ dialect: 'qod-7' }, /^dialect must be one of 'auto', 'qod-1\.2', 'qod-1\.1', 'qod-1\.0', 'qod-0\.11', 'qod-0\.10', 'qod-0\.9', 'qod-0\.8', 'qod-sdk' \(got 'qod-7'\)\.$/],
    [{ maxIssues: 0 }, /^maxIssues must be at least 1 \(got 0\)\.$/],
    [{ policy: { qosProfiles: [{ name: 'A', maxDuration: { value: 1, unit: 'Weeks' } }] } }, /unit must be one of/],
    [{ policy: { duration: { min: 10, max: 5 } } }, /greater than/],
    [{ context: { now: new Date('nope') } }, /context.now must be a valid Date/],
  ])('rejects a broken configuration at createValidator time: %j', (options, message) => {
    expect(() => createValidator(options as never)).toThrow(ConfigError);
    expect(() => createValidator(options as never)).toThrow(message);
  });

  it('does not check configuration per payload: a validator, once created, never throws', () => {
    const { validate: run } = createValidator({ plugins: [acme] });
    for (const payload of [undefined, null, 1, 'x', [], {}, body]) expect(() => run(payload)).not.toThrow();
  });

  it('turns a rule that throws into an INTERNAL issue instead of crashing', () => {
    const broken = { name: 'x', rules: { boom: { meta: { docs: { description: 'd' }, messages: {}, status: 400, code: 'X' }, check() { throw new Error('kaput'); } } } };
    const report = validate(body, { plugins: [broken] });
    expect(report.issues.find((i) => i.ruleId === 'x/boom')).toMatchObject({ status: 500, code: 'INTERNAL', severity: 'error' });
  });
});

describe('message placeholders', () => {
  function messageWith(data: Record<string, unknown>): string {
    const plugin: Plugin = {
      name: 'fill',
      rules: {
        fill: defineRule({
          meta: { docs: { description: 'test' }, messages: { here: '{{ a }} {{ b }} {{ toString }} {{ constructor }} {{ missing }} {{ list }}' }, status: 400, code: 'INVALID_ARGUMENT' },
          check(_, ctx) {
            ctx.report({ messageId: 'here', path: '', data: data as Record<string, string> });
          },
        }),
      },
    };
    return validate({ qosProfile: 'QOS_E', duration: 3600, applicationServer: { ipv4Address: '198.51.100.0/24' } }, { plugins: [plugin] }).issues.find((i) => i.ruleId === 'fill/fill')!.message;
  }

  it.each([
    ['plain data: own strings, numbers and booleans; nothing from Object.prototype; no objects', { a: 'x', b: 2, list: ['y'] }, 'x 2 {{ toString }} {{ constructor }} {{ missing }} {{ list }}'],
    ['data with another prototype: only its own values', Object.assign(Object.create({ b: 'inherited' }) as object, { a: true }), 'true {{ b }} {{ toString }} {{ constructor }} {{ missing }} {{ list }}'],
    ['data without a prototype', Object.assign(Object.create(null) as object, { a: 'x', b: false }), 'x false {{ toString }} {{ constructor }} {{ missing }} {{ list }}'],
  ])('%s', (_, data, message) => {
    expect(messageWith(data as Record<string, unknown>)).toBe(message);
  });
});
