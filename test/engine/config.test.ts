// createValidator checks its options against schemas/config.schema.json ($defs/options) and a few
// things in code; a misspelt key at any level must fail with a sentence naming its path and, where
// one is close, the key that was meant. Messages are compared whole: they are the interface.
import { describe, expect, it } from 'vitest';
import { ConfigError, createValidator, type QosProfile, type ValidateOptions } from '../../src/index.js';

const profile: QosProfile = { name: 'QOS_E', status: 'ACTIVE', maxDuration: { value: 1, unit: 'Hours' } };
const rule = {
  meta: { docs: { description: 'A test rule.' }, messages: { m: 'M.' }, status: 400, code: 'INVALID_ARGUMENT' },
  check() {},
};

function messageOf(options: unknown): string {
  try {
    createValidator(options as ValidateOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`createValidator accepted ${JSON.stringify(options)}`);
}

describe('createValidator: misspelt keys at every level', () => {
  it.each([
    ['the top level', { rule: { 'port-ranges': 'warn' } }, "rule is not an option; did you mean 'rules'?"],
    ['the top level, case', { maxissues: 5 }, "maxissues is not an option; did you mean 'maxIssues'?"],
    ['the top level, a swap', { dialcet: 'auto' }, "dialcet is not an option; did you mean 'dialect'?"],
    ['policy', { policy: { qosProfile: [profile] } }, "policy.qosProfile is not an option; did you mean 'policy.qosProfiles'?"],
    ['policy', { policy: { supportedIdentifier: ['phoneNumber'] } }, "policy.supportedIdentifier is not an option; did you mean 'policy.supportedIdentifiers'?"],
    ['policy', { policy: { privateKeyJWTConfigured: true } }, "policy.privateKeyJWTConfigured is not an option; did you mean 'policy.privateKeyJwtConfigured'?"],
    ['policy', { policy: { resolveDevices: () => undefined } }, "policy.resolveDevices is not an option; did you mean 'policy.resolveDevice'?"],
    ['policy.duration', { policy: { duration: { mx: 600 } } }, "policy.duration.mx is not an option; did you mean 'policy.duration.max'?"],
    ['a profile duration', { policy: { qosProfiles: [{ name: 'QOS_E', maxDuration: { value: 1, units: 'Hours' } }] } }, "policy.qosProfiles[0] ('QOS_E').maxDuration.units is not an option; did you mean 'policy.qosProfiles[0].maxDuration.unit'?"],
    ['a profile field', { policy: { qosProfiles: [profile, { name: 'QOS_L', maxDurration: { value: 1, unit: 'Days' } }] } }, "policy.qosProfiles[1] ('QOS_L').maxDurration is not a QoS-profile field; did you mean 'maxDuration'?"],
    ['a profile field, case', { policy: { qosProfiles: [{ name: 'QOS_E', MinDuration: { value: 1, unit: 'Days' } }] } }, "policy.qosProfiles[0] ('QOS_E').MinDuration is not a QoS-profile field; did you mean 'minDuration'?"],
    ['a profile name', { policy: { qosProfiles: [{ nmae: 'QOS_E' }] } }, "policy.qosProfiles[0].nmae is not a QoS-profile field; did you mean 'name'?"],
    ['context', { context: { tokenIdentifiesDevic: true } }, "context.tokenIdentifiesDevic is not an option; did you mean 'context.tokenIdentifiesDevice'?"],
    ['context', { context: { time: new Date() } }, 'context.time is not an option (known here: tokenIdentifiesDevice, now).'],
    ['a plugin', { plugins: [{ name: 'acme', rule: {} }] }, "plugins[0] ('acme').rule is not an option; did you mean 'plugins[0].rules'?"],
    ['a rule id', { rules: { 'port-range': 'warn' } }, "Unknown rule 'port-range' in configuration; did you mean 'port-ranges'?"],
    ['a plugin rule id', { plugins: [{ name: 'acme', rules: { 'no-test': rule } }], rules: { 'acme/no-tests': 'warn' } }, "Unknown rule 'acme/no-tests' in configuration; did you mean 'acme/no-test'?"],
    ['a rule option', { rules: { 'phone-number': ['warn', { numberingPlans: false }] } }, "Rule 'phone-number': unknown option 'numberingPlans'; did you mean 'numberingPlan'?"],
    ['a value of a list', { dialect: 'qod-12' }, "dialect must be one of 'auto', 'qod-1.2', 'qod-1.1', 'qod-1.0', 'qod-0.11', 'qod-0.10', 'qod-0.9', 'qod-0.8', 'qod-sdk' (got 'qod-12'); did you mean 'qod-1.2'?"],
    ['a severity', { rules: { sink: 'eror' } }, "rules.sink must be one of 'off', 'info', 'warn', 'error' (got 'eror'); did you mean 'error'?"],
  ])('%s: %j', (_level, options, message) => {
    expect(messageOf(options)).toBe(message);
  });

  it('lists the known keys when none is close', () => {
    expect(messageOf({ colour: true })).toBe('colour is not an option (known here: dialect, codes, policy, context, rules, plugins, maxIssues, limits).');
    expect(messageOf({ policy: { foo: 1 } })).toBe('policy.foo is not an option (known here: qosProfiles, supportedIdentifiers, privateKeyJwtConfigured, duration, resolveDevice, resolveDeviceTimeout).');
  });

  it('rejects the keys only a configuration file has', () => {
    expect(messageOf({ overrides: [] })).toMatch(/^overrides is not an option/);
    expect(messageOf({ ignores: ['x'] })).toMatch(/^ignores is not an option/);
    expect(messageOf({ $schema: './config.schema.json' })).toMatch(/^\$schema is not an option/);
  });
});

describe('createValidator: values', () => {
  it.each([
    ['options that are not an object', [], 'The options must be an object (got an array).'],
    ['a dialect', { dialect: 'qod-7' }, "dialect must be one of 'auto', 'qod-1.2', 'qod-1.1', 'qod-1.0', 'qod-0.11', 'qod-0.10', 'qod-0.9', 'qod-0.8', 'qod-sdk' (got 'qod-7')."],
    ['maxIssues 0', { maxIssues: 0 }, 'maxIssues must be at least 1 (got 0).'],
    ['maxIssues 1.5', { maxIssues: 1.5 }, 'maxIssues must be an integer (got 1.5).'],
    ['rules not an object', { rules: ['sink'] }, 'rules must be an object (got an array).'],
    ['a severity', { rules: { 'port-ranges': 'fatal' } }, "rules['port-ranges'] must be one of 'off', 'info', 'warn', 'error' (got 'fatal')."],
    ['a severity in a list', { rules: { 'port-ranges': ['fatal', {}] } }, "rules['port-ranges'][0] must be one of 'off', 'info', 'warn', 'error' (got 'fatal')."],
    ['a rule entry of another type', { rules: { 'port-ranges': 2 } }, "rules['port-ranges'] must be a severity ('off', 'info', 'warn', 'error') or [severity, options] (got 2)."],
    ['an empty rule entry', { rules: { 'port-ranges': [] } }, "rules['port-ranges'] must be a severity ('off', 'info', 'warn', 'error') or [severity, options]."],
    ['a rule entry too long', { rules: { 'port-ranges': ['warn', {}, {}] } }, "rules['port-ranges'] must be [severity] or [severity, options]."],
    ['rule options that are not an object', { rules: { 'port-ranges': ['warn', 'x'] } }, "rules['port-ranges'][1] must be an object of the rule's options (got 'x')."],
    ['an option of a rule without options', { rules: { 'port-ranges': ['warn', { nope: 1 }] } }, "Rule 'port-ranges' takes no option 'nope'."],
    ['a profile without a name', { policy: { qosProfiles: [{ status: 'ACTIVE' }] } }, 'policy.qosProfiles[0].name is required.'],
    ['a profile with an empty name', { policy: { qosProfiles: [{ name: '' }] } }, 'policy.qosProfiles[0].name must not be empty (got \'\').'],
    ['a duration unit', { policy: { qosProfiles: [{ name: 'A', maxDuration: { value: 1, unit: 'Weeks' } }] } }, "policy.qosProfiles[0] ('A').maxDuration.unit must be one of 'Days', 'Hours', 'Minutes', 'Seconds', 'Milliseconds', 'Microseconds', 'Nanoseconds' (got 'Weeks')."],
    ['a negative duration value', { policy: { qosProfiles: [{ name: 'A', minDuration: { value: -1, unit: 'Days' } }] } }, "policy.qosProfiles[0] ('A').minDuration.value must be at least 0 (got -1)."],
    ['a duration without a value', { policy: { qosProfiles: [{ name: 'A', minDuration: { unit: 'Days' } }] } }, "policy.qosProfiles[0] ('A').minDuration.value is required."],
    ['a profile status of another type', { policy: { qosProfiles: [{ name: 'A', status: 1 }] } }, "policy.qosProfiles[0] ('A').status must be a string (got 1)."],
    ['an identifier type', { policy: { supportedIdentifiers: ['phoneNumber', 'msisdn'] } }, "policy.supportedIdentifiers[1] must be one of 'phoneNumber', 'networkAccessIdentifier', 'ipv4Address', 'ipv6Address' (got 'msisdn')."],
    ['a duration bound', { policy: { duration: { min: 1.5 } } }, 'policy.duration.min must be an integer (got 1.5).'],
    ['duration bounds reversed', { policy: { duration: { min: 10, max: 5 } } }, 'policy.duration.min (10) is greater than policy.duration.max (5).'],
    ['privateKeyJwtConfigured', { policy: { privateKeyJwtConfigured: 'yes' } }, "policy.privateKeyJwtConfigured must be a boolean (got 'yes')."],
    ['resolveDevice', { policy: { resolveDevice: 'registry' } }, "policy.resolveDevice must be a function (got 'registry')."],
    ['tokenIdentifiesDevice', { context: { tokenIdentifiesDevice: 'true' } }, "context.tokenIdentifiesDevice must be a boolean (got 'true')."],
    ['now, an invalid Date', { context: { now: new Date('nope') } }, 'context.now must be a valid Date (got an invalid Date).'],
    ['now, a number', { context: { now: 0 } }, 'context.now must be a valid Date (got 0).'],
    ['now, a string that is no date-time', { context: { now: 'yesterday' } }, "context.now must be a date-time such as 2026-01-31T12:00:00Z (got 'yesterday')."],
    ['plugins not an array', { plugins: {} }, 'plugins must be an array (got an object).'],
    ['a plugin without a name', { plugins: [{ rules: {} }] }, 'plugins[0].name is required.'],
    ['a plugin rule that is not an object', { plugins: [{ name: 'acme', rules: { r: 1 } }] }, "plugins[0] ('acme').rules.r must be an object (got 1)."],
    ['a plugin rule without check', { plugins: [{ name: 'acme', rules: { r: { meta: rule.meta } } }] }, "Rule 'acme/r' is not a rule: it needs meta.messages and a check(model, ctx) function (use defineRule)."],
    ['a rule defined twice', { plugins: [{ name: 'acme', rules: { r: rule } }, { name: 'acme', rules: { r: rule } }] }, "Rule 'acme/r' is defined twice."],
  ])('%s', (_what, options, message) => {
    expect(messageOf(options)).toBe(message);
  });

  it('accepts every option with a value of the right kind, JavaScript-only ones included', () => {
    const options: ValidateOptions = {
      dialect: 'qod-sdk',
      policy: {
        qosProfiles: [
          profile,
          { name: 'QOS_L', status: 'DEPRECATED', minDuration: { value: 0, unit: 'Seconds' } },
          // Fields of the CAMARA qos-profiles API that qod-policy does not read, and one of a future release.
          { name: 'QOS_M', description: 'video', maxUpstreamRate: { value: 10, unit: 'Mbps' }, packetDelayBudget: { value: 50, unit: 'Milliseconds' }, l4sQueueType: 'non-l4s-queue', energyClass: 'A' },
        ],
        supportedIdentifiers: ['phoneNumber', 'networkAccessIdentifier'],
        privateKeyJwtConfigured: true,
        duration: { min: 60, max: 60 },
        resolveDevice: () => undefined,
      },
      context: { tokenIdentifiesDevice: false, now: new Date('2026-01-01T00:00:00Z') },
      rules: { 'port-ranges': 'warn', 'phone-number': ['error', { numberingPlan: false }], sink: ['off'], 'acme/r': ['info', {}] },
      plugins: [{ name: 'acme', rules: { r: rule as never } }],
      maxIssues: 1,
    };
    expect(() => createValidator(options)).not.toThrow();
    expect(() => createValidator({})).not.toThrow();
    expect(() => createValidator(undefined)).not.toThrow();
  });

  it('leaves the options it was given as they were', () => {
    const options = { policy: { qosProfiles: [structuredClone(profile)] }, rules: { 'ip-address-scope': ['warn', { allow: ['private'] }] } } as ValidateOptions;
    const before = structuredClone(options);
    createValidator(options);
    expect(options).toEqual(before);
  });
});

describe('createValidator: limits', () => {
  it('accepts each limit as a positive integer and rejects anything else, naming it', () => {
    expect(() => createValidator({ limits: { maxDepth: 12, maxStringLength: 100, maxArrayLength: 10, maxProperties: 20, maxValues: 1000 } })).not.toThrow();
    expect(() => createValidator({ limits: { maxDepth: 0 } })).toThrow(/limits\.maxDepth/);
    expect(() => createValidator({ limits: { maxDepht: 3 } as never })).toThrow(/did you mean 'limits\.maxDepth'/);
  });
});
