import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { rules, validate, type DeviceIdentifier, type Policy } from '../../src/index.js';
import { ruleTester } from '../helpers/rule-tester.js';

const base = { applicationServer: { ipv4Address: '198.51.100.0/24' }, qosProfile: 'QOS_E', duration: 3600 };
const sdkBase = { qos_profile: 'QOS_VC' };

/** A small device registry: which device each identifier names. */
const devices = new Map<string, string>([
  ['+34600000001', 'device-a'],
  ['84.125.93.10', 'device-a'],
  ['alice@example.com', 'device-a'],
  ['+34600000002', 'device-b'],
  ['2001:db8::1', 'device-b'],
]);

function registry(id: DeviceIdentifier): string | undefined {
  return devices.get(id.type === 'ipv4Address' ? (id.value.publicAddress ?? '') : id.value);
}

const withRegistry: Policy = { resolveDevice: registry };

ruleTester('device-identifiers', {
  valid: [
    { name: 'a device named by a supported identifier', body: { ...base, device: { phoneNumber: '+34600000001' } } },
    { name: 'no device and no token context', body: base },
    { name: 'no device with a 3-legged token', body: base, options: { context: { tokenIdentifiesDevice: true } } },
    { name: 'a device with a 2-legged token', body: { ...base, device: { phoneNumber: '+34600000001' } }, options: { context: { tokenIdentifiesDevice: false } } },
    {
      name: 'a device of the wrong type with a 2-legged token is the schema finding, not a missing device',
      body: { ...base, device: 'phone' },
      options: { context: { tokenIdentifiesDevice: false } },
    },
    { name: 'an empty device object is the schema finding', body: { ...base, device: {} } },
    {
      name: 'a declared identifier of the wrong type beside an unknown key is the schema finding',
      body: { ...base, device: { phoneNumber: 34600000001, imei: '490154203237518' } },
    },
    {
      name: 'the NAI alone when the policy supports it',
      body: { ...base, device: { networkAccessIdentifier: 'alice@example.com' } },
      options: { policy: { supportedIdentifiers: ['networkAccessIdentifier'] } },
    },
    {
      name: 'identifiers naming different devices are not cross-checked in 1.2',
      body: { ...base, device: { phoneNumber: '+34600000001', ipv6Address: '2001:db8::1' } },
      options: { policy: withRegistry },
    },
    {
      name: 'one identifier known to the registry is enough',
      body: { ...base, device: { phoneNumber: '+34699999999', ipv4Address: { publicAddress: '84.125.93.10', publicPort: 5000 } } },
      options: { policy: withRegistry },
    },
    {
      name: 'SDK: identifiers naming the same device',
      body: { ...sdkBase, device: { phone_number: '+34600000001', ipv4_address: { public_address: '84.125.93.10', private_address: '10.0.0.1' } } },
      options: { policy: withRegistry },
    },
    {
      name: 'SDK: an unknown identifier beside a known one is no mismatch',
      body: { ...sdkBase, device: { phone_number: '+34600000001', ipv6_address: '2001:db8::99' } },
      options: { policy: withRegistry },
    },
    {
      name: 'SDK: a device with a 3-legged token (the SDK model has no token rules)',
      body: { ...sdkBase, device: { phone_number: '+34600000001' } },
      options: { context: { tokenIdentifiesDevice: true } },
    },
    { name: 'SDK: the NAI alone is supported by default', body: { ...sdkBase, device: { network_access_identifier: 'alice@example.com' } } },
    {
      name: 'the rule turned off',
      body: { ...base, device: { networkAccessIdentifier: 'alice@example.com' } },
      options: { rules: { 'device-identifiers': 'off' } },
    },
    {
      name: 'an asynchronous resolver that answers within the timeout (validateAsync)',
      async: true,
      body: { ...sdkBase, device: { phone_number: '+34600000001', ipv4_address: { public_address: '84.125.93.10', public_port: 5000 } } },
      options: { policy: { resolveDevice: async (id) => registry(id), resolveDeviceTimeout: 60_000 } },
    },
  ],
  invalid: [
    {
      name: 'a device with a 3-legged token',
      body: { ...base, device: { phoneNumber: '+34600000001' } },
      options: { context: { tokenIdentifiesDevice: true } },
      errors: [{ messageId: 'unnecessaryIdentifier', path: '/device', severity: 'error', status: 422, code: 'UNNECESSARY_IDENTIFIER' }],
    },
    {
      name: 'a device with a 3-legged token, whatever its identifiers (no other claim is made)',
      body: { ...base, device: { networkAccessIdentifier: 'alice@example.com', phoneNumber: '+34699999999' } },
      options: { context: { tokenIdentifiesDevice: true }, policy: withRegistry },
      errors: [{ messageId: 'unnecessaryIdentifier', path: '/device' }],
    },
    {
      name: 'no device with a 2-legged token',
      body: base,
      options: { context: { tokenIdentifiesDevice: false } },
      errors: [{ messageId: 'missingIdentifier', path: '', status: 422, code: 'MISSING_IDENTIFIER', data: { property: 'device' }, message: "no 'device'" }],
    },
    {
      name: 'a device with only unknown keys',
      body: { ...base, device: { imei: '490154203237518' } },
      errors: [{ messageId: 'noIdentifier', path: '/device', status: 400, code: 'INVALID_ARGUMENT', data: { keys: "'imei'" } }],
    },
    {
      name: 'SDK: a device with only unknown keys (known-properties is off there)',
      body: { ...sdkBase, device: { imei: '490154203237518', iccid: '8934' } },
      errors: [{ messageId: 'noIdentifier', path: '/device', status: 400, code: 'INVALID_ARGUMENT', data: { keys: "'imei', 'iccid'" } }],
    },
    {
      name: 'only a network access identifier, which 1.2 does not support',
      body: { ...base, device: { networkAccessIdentifier: 'alice@example.com' } },
      errors: [
        {
          messageId: 'unsupportedIdentifier',
          path: '/device',
          severity: 'error',
          status: 422,
          code: 'UNSUPPORTED_IDENTIFIER',
          data: { identifiers: 'device.networkAccessIdentifier', supported: 'phoneNumber, ipv4Address, ipv6Address' },
        },
      ],
    },
    {
      name: 'only identifiers the policy does not support',
      body: { ...base, device: { ipv4Address: { publicAddress: '84.125.93.10', publicPort: 5000 }, ipv6Address: '2001:db8::1' } },
      options: { policy: { supportedIdentifiers: ['phoneNumber'], resolveDevice: registry } },
      errors: [{ messageId: 'unsupportedIdentifier', path: '/device', data: { identifiers: 'device.ipv4Address, device.ipv6Address', supported: 'phoneNumber' } }],
    },
    {
      name: 'SDK: only identifiers the policy does not support, named as the body spells them',
      body: { ...sdkBase, device: { ipv6_address: '2001:db8::1' } },
      options: { policy: { supportedIdentifiers: [] } },
      errors: [{ messageId: 'unsupportedIdentifier', path: '/device', status: 400, code: 'INVALID_ARGUMENT', data: { identifiers: 'device.ipv6_address', supported: 'none' } }],
    },
    {
      name: 'a network access identifier beside a phone number is ignored (a note)',
      body: { ...base, device: { phoneNumber: '+34600000001', networkAccessIdentifier: 'alice@example.com' } },
      errors: [{ messageId: 'ignoredIdentifier', path: '/device/networkAccessIdentifier', severity: 'warn', code: 'UNSUPPORTED_IDENTIFIER' }],
    },
    {
      name: 'no identifier given is known to the registry',
      body: { ...base, device: { phoneNumber: '+34699999999', ipv6Address: '2001:db8::99' } },
      options: { policy: withRegistry },
      errors: [{ messageId: 'identifierNotFound', path: '/device', status: 404, code: 'IDENTIFIER_NOT_FOUND', data: { identifiers: 'device.phoneNumber, device.ipv6Address' } }],
    },
    {
      name: 'an unsupported identifier the registry knows does not count: the supported one names no device',
      body: { ...base, device: { phoneNumber: '+34699999999', networkAccessIdentifier: 'alice@example.com' } },
      options: { policy: withRegistry },
      errors: [
        { messageId: 'identifierNotFound', path: '/device', data: { identifiers: 'device.phoneNumber' } },
        { messageId: 'ignoredIdentifier', path: '/device/networkAccessIdentifier' },
      ],
    },
    {
      name: 'SDK: no identifier given is known to the registry',
      body: { ...sdkBase, device: { phone_number: '+34699999999' } },
      options: { policy: withRegistry },
      // CAMARA 0.10 (the SDK model's reference) has no 404 for createSession: "Unable to identify device".
      errors: [{ messageId: 'identifierNotFound', path: '/device', status: 400, code: 'INVALID_ARGUMENT', data: { identifiers: 'device.phone_number' } }],
    },
    {
      name: 'SDK: identifiers naming different devices',
      body: { ...sdkBase, device: { phone_number: '+34600000001', ipv6_address: '2001:db8::1' } },
      options: { policy: withRegistry },
      errors: [
        {
          messageId: 'identifierMismatch',
          path: '/device',
          // CAMARA 0.10: "Multiple inconsistent parameters specified: device".
          status: 400,
          code: 'INVALID_ARGUMENT',
          data: { first: 'device.phone_number', second: 'device.ipv6_address' },
          message: 'device.phone_number and device.ipv6_address name different devices',
        },
      ],
    },
    {
      name: 'a resolver that throws',
      body: { ...base, device: { phoneNumber: '+34600000001' } },
      options: {
        policy: {
          resolveDevice: () => {
            throw new Error('registry down at 10.0.0.5');
          },
        },
      },
      errors: [
        {
          messageId: 'resolverFailed',
          path: '/device/phoneNumber',
          severity: 'error',
          status: 500,
          code: 'INTERNAL',
          data: { identifier: 'device.phoneNumber', reason: 'registry down at 10.0.0.5' },
        },
      ],
    },
    {
      name: 'a resolver that does not answer within policy.resolveDeviceTimeout (validateAsync)',
      async: true,
      body: { ...base, device: { phoneNumber: '+34600000001' } },
      options: { policy: { resolveDevice: () => new Promise<never>(() => {}), resolveDeviceTimeout: 5 } },
      errors: [
        {
          messageId: 'resolverTimeout',
          path: '/device/phoneNumber',
          severity: 'error',
          status: 500,
          code: 'INTERNAL',
          data: { identifier: 'device.phoneNumber', timeout: 5 },
          message: 'did not answer for device.phoneNumber within 5 ms',
        },
      ],
    },
    {
      name: 'an asynchronous resolver under validate()',
      body: { ...sdkBase, device: { phone_number: '+34600000001' } },
      options: { policy: { resolveDevice: async (id) => registry(id) } },
      errors: [{ messageId: 'needsAsync', path: '/device', severity: 'warn', status: 500, code: 'INTERNAL', message: 'validateAsync()' }],
    },
  ],
});

describe('device-identifiers: what the resolver is asked', () => {
  it('passes CAMARA shapes whatever the dialect, once per identifier, in declaration order', () => {
    const resolveDevice = vi.fn((_id: DeviceIdentifier) => 'device-a');
    validate(
      {
        ...sdkBase,
        device: {
          ipv6_address: '2001:db8::1',
          ipv4_address: { public_address: '84.125.93.10', private_address: '10.0.0.1', public_port: 5000 },
          network_access_identifier: 'alice@example.com',
          phone_number: '+34600000001',
        },
      },
      { dialect: 'qod-sdk', policy: { resolveDevice } },
    );
    expect(resolveDevice.mock.calls.map(([id]) => id)).toEqual([
      { type: 'phoneNumber', value: '+34600000001' },
      { type: 'networkAccessIdentifier', value: 'alice@example.com' },
      { type: 'ipv4Address', value: { publicAddress: '84.125.93.10', privateAddress: '10.0.0.1', publicPort: 5000 } },
      { type: 'ipv6Address', value: '2001:db8::1' },
    ]);
  });

  it('leaves absent IPv4 parts out of the value', () => {
    const resolveDevice = vi.fn((_id: DeviceIdentifier) => 'device-a');
    validate({ ...base, device: { ipv4Address: { publicAddress: '84.125.93.10', publicPort: 5000 } } }, { policy: { resolveDevice } });
    expect(resolveDevice.mock.calls.map(([id]) => id)).toEqual([{ type: 'ipv4Address', value: { publicAddress: '84.125.93.10', publicPort: 5000 } }]);
    expect(Object.keys(resolveDevice.mock.calls[0]![0].value as object)).toEqual(['publicAddress', 'publicPort']);
  });

  it('does not ask about identifiers the provider does not support', () => {
    const resolveDevice = vi.fn((_id: DeviceIdentifier) => 'device-a');
    validate({ ...base, device: { phoneNumber: '+34600000001', networkAccessIdentifier: 'alice@example.com' } }, { policy: { resolveDevice } });
    expect(resolveDevice.mock.calls.map(([id]) => id.type)).toEqual(['phoneNumber']);
  });

  it.each([
    ['the token names the device', { ...base, device: { phoneNumber: '+34600000001' } }, { tokenIdentifiesDevice: true }],
    ['every identifier is unsupported', { ...base, device: { networkAccessIdentifier: 'alice@example.com' } }, {}],
    ['the device has no identifier', { ...base, device: { imei: '1' } }, {}],
    ['there is no device', base, {}],
  ])('does not ask when %s', (_name, body, context) => {
    const resolveDevice = vi.fn((_id: DeviceIdentifier) => 'device-a');
    validate(body, { policy: { resolveDevice }, context });
    expect(resolveDevice).not.toHaveBeenCalled();
  });

  it('treats any answer but a string as "not known"', () => {
    for (const answer of [null, undefined, 42, {}, false]) {
      const report = validate({ ...sdkBase, device: { phone_number: '+34600000001' } }, { dialect: 'qod-sdk', policy: { resolveDevice: () => answer as never } });
      expect(report.issues.filter((i) => i.ruleId === 'device-identifiers').map((i) => i.messageId)).toEqual(['identifierNotFound']);
    }
  });

  it('claims neither "not found" nor a mismatch from the identifiers whose lookup failed', () => {
    const report = validate(
      { ...sdkBase, device: { phone_number: '+34699999999', ipv6_address: '2001:db8::1' } },
      {
        dialect: 'qod-sdk',
        policy: {
          resolveDevice: (id) => {
            if (id.type === 'ipv6Address') throw 'timeout';
            return undefined;
          },
        },
      },
    );
    expect(report.issues.filter((i) => i.ruleId === 'device-identifiers').map((i) => `${i.messageId}@${i.path}`)).toEqual(['resolverFailed@/device/ipv6_address']);
  });

  it('does not put device ids into messages (they would reach the API consumer)', () => {
    const report = validate({ ...sdkBase, device: { phone_number: '+34600000001', ipv6_address: '2001:db8::1' } }, { dialect: 'qod-sdk', policy: withRegistry });
    const issue = report.issues.find((i) => i.messageId === 'identifierMismatch');
    expect(issue).toBeDefined();
    expect(JSON.stringify(issue)).not.toMatch(/device-[ab]/);
  });
});

describe('device-identifiers: robustness', () => {
  const messageIds = Object.keys(rules['device-identifiers']!.meta.messages);
  const identifierValue = fc.oneof(fc.string(), fc.constantFrom('+34600000001', '84.125.93.10', '2001:db8::1'), fc.integer(), fc.constant(null));
  const device = fc.oneof(
    fc.dictionary(fc.constantFrom('phoneNumber', 'networkAccessIdentifier', 'ipv6Address', 'imei', '__proto__', 'ipv4Address'), identifierValue),
    fc.record(
      { ipv4Address: fc.dictionary(fc.constantFrom('publicAddress', 'privateAddress', 'publicPort', 'x'), identifierValue), phoneNumber: identifierValue },
      { requiredKeys: [] },
    ),
    fc.anything(),
  );
  const answer = fc.oneof(
    fc.constant<(id: DeviceIdentifier) => unknown>(() => undefined),
    fc.constant<(id: DeviceIdentifier) => unknown>(registry),
    fc.constant<(id: DeviceIdentifier) => unknown>(() => {
      throw new Error('down');
    }),
    fc.constant<(id: DeviceIdentifier) => unknown>(() => {
      throw null;
    }),
    fc.anything().map((value) => () => value),
  );

  it('never throws nor fails internally, and reports only its declared messages', () => {
    fc.assert(
      fc.property(
        device,
        fc.option(answer, { nil: undefined }),
        fc.option(fc.boolean(), { nil: undefined }),
        fc.boolean(),
        (dev, resolveDevice, tokenIdentifiesDevice, sdk) => {
          const body = sdk ? { ...sdkBase, device: dev } : { ...base, device: dev };
          const report = validate(body, {
            dialect: sdk ? 'qod-sdk' : 'qod-1.2',
            policy: resolveDevice === undefined ? {} : { resolveDevice: resolveDevice as Policy['resolveDevice'] },
            context: tokenIdentifiesDevice === undefined ? {} : { tokenIdentifiesDevice },
          });
          const own = report.issues.filter((i) => i.ruleId === 'device-identifiers');
          for (const issue of own) expect(messageIds).toContain(issue.messageId);
        },
      ),
      { numRuns: 500 },
    );
  });
});
