import { fullFormats } from 'ajv-formats/dist/formats.js';
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { validate, type ValidateOptions } from '../../src/index.js';
import * as qod12 from '../../src/schema/compiled/qod-1.2.js';
import * as qodSdk from '../../src/schema/compiled/qod-sdk.js';
import type { SchemaValidateFunction } from '../../src/schema/compiled-schema.js';
import { fixAt } from '../helpers/fixes.js';
import { ruleTester } from '../helpers/rule-tester.js';

const base = { qosProfile: 'QOS_E', duration: 3600 };
const subnets = (server: Record<string, string>, device?: object) => ({ ...base, applicationServer: server, ...(device && { device }) });
const list = (...ipAddresses: string[]) => ({ ...base, applicationServer: { ipAddresses } });
const withDevice = (device: object) => subnets({ ipv4Address: '198.51.100.0/24' }, device);
const sdk = (device: object, server?: object) => ({ device, qos_profile: 'QOS_VC', ...(server && { application_server: server }) });
const SDK = { dialect: 'qod-sdk' as const };

ruleTester('ip-address', {
  valid: [
    { name: "CAMARA's device IPv4 example", body: withDevice({ ipv4Address: { publicAddress: '84.125.93.10', publicPort: 59765 } }) },
    { name: 'a device public and private address', body: withDevice({ ipv4Address: { publicAddress: '84.125.93.10', privateAddress: '192.168.1.10' } }) },
    { name: "CAMARA's device IPv6 example", body: withDevice({ ipv6Address: '2001:db8:85a3:8d3:1319:8a2e:370:7344' }) },
    { name: 'a device IPv6 address in upper case with an embedded IPv4', body: withDevice({ ipv6Address: '::FFFF:192.0.2.1' }) },
    { name: "CAMARA's address list example", body: list('198.51.100.0', '198.51.100.255', '2001:db8:85a3:8d3:1319:8a2e:370:7344') },
    { name: "CAMARA's IPv4 subnet example", body: subnets({ ipv4Address: '198.51.100.0/24' }) },
    { name: "CAMARA's IPv6 subnet examples", body: subnets({ ipv4Address: '198.51.100.7', ipv6Address: '2001:db8:85a3:8d3::0/64' }) },
    { name: 'a /128 single IPv6 server address', body: subnets({ ipv6Address: '2001:db8:85a3:8d3:1319:8a2e:370:7344/128' }) },
    { name: 'host bits set in a subnet (allowed notation)', body: subnets({ ipv4Address: '1.2.3.4/24' }) },
    { name: 'a /0 subnet (ip-address-scope warns, this rule does not)', body: subnets({ ipv4Address: '0.0.0.0/0', ipv6Address: '::/0' }) },
    { name: 'a masked entry in the list (server-address-list reports it)', body: list('198.51.100.0/24') },
    { name: 'IPv6 in any case and spelling, without canonicalIpv6 (the default)', body: withDevice({ ipv6Address: '2001:0DB8:0:0::1' }) },
    {
      name: 'canonicalIpv6: addresses in RFC 5952 form, in either notation',
      body: { ...withDevice({ ipv6Address: '2001:db8::1:0:0:1' }), applicationServer: { ipv6Address: '64:ff9b::198.51.100.0/120', ipAddresses: ['::ffff:198.51.100.1', '2001:db8:0:1:1:1:1:1'] } },
      options: { rules: { 'ip-address': ['error', { canonicalIpv6: true }] } },
    },
    {
      name: "allowLeadingZeros: the 1.2 server subnet with leading zeros, as CAMARA's pattern allows",
      body: subnets({ ipv4Address: '010.001.002.000/24' }),
      options: { rules: { 'ip-address': ['error', { allowLeadingZeros: true }] } },
    },
    {
      name: 'allowLeadingZeros: a single server address with leading zeros',
      body: subnets({ ipv4Address: '198.051.100.7' }),
      options: { rules: { 'ip-address': ['error', { allowLeadingZeros: true }] } },
    },
    {
      name: 'allowLeadingZeros: the SDK server subnet too',
      body: sdk({ phone_number: '+34600000001' }, { ipv4_address: '198.051.100.0/24' }),
      options: { ...SDK, rules: { 'ip-address': ['error', { allowLeadingZeros: true }] } },
    },
    { name: 'SDK: device and server addresses', body: sdk({ ipv4_address: { public_address: '84.125.93.10', private_address: '10.0.0.7' }, ipv6_address: '2001:db8::7' }, { ipv4_address: '198.51.100.0/24', ipv6_address: '2001:db8::/32' }), options: SDK },
  ],
  invalid: [
    {
      name: 'an invalid address exactly as long as the longest valid one is not too long',
      body: withDevice({ ipv4Address: { publicAddress: '255.255.255.256' } }),
      errors: [{ messageId: 'notIpv4', path: '/device/ipv4Address/publicAddress', data: { reason: "'256' is above 255" } }],
    },
    {
      name: 'a prefix with no address before it',
      body: subnets({ ipv4Address: '/24' }),
      errors: [{ messageId: 'notIpv4', path: '/applicationServer/ipv4Address', data: { reason: 'it is empty' } }],
    },
    {
      name: 'an octet above 255',
      body: withDevice({ ipv4Address: { publicAddress: '999.1.1.1', publicPort: 5000 } }),
      errors: [{ messageId: 'notIpv4', path: '/device/ipv4Address/publicAddress', severity: 'error', status: 400, code: 'INVALID_ARGUMENT', data: { value: '999.1.1.1', reason: "'999' is above 255" } }],
    },
    {
      name: 'a host name as a private address',
      body: withDevice({ ipv4Address: { publicAddress: '84.125.93.10', privateAddress: 'localhost' } }),
      errors: [{ messageId: 'notIpv4', path: '/device/ipv4Address/privateAddress', data: { reason: "it contains 'l', which is not a digit or a dot" } }],
    },
    {
      name: 'a leading zero in a device address',
      body: withDevice({ ipv4Address: { publicAddress: '01.2.3.4', publicPort: 5000 } }),
      errors: [{ messageId: 'leadingZeros', path: '/device/ipv4Address/publicAddress', data: { octet: '01' }, message: 'octal' }],
    },
    {
      name: 'a leading zero the 1.2 subnet pattern lets through (rejected by default: stricter than CAMARA)',
      body: subnets({ ipv4Address: '010.1.1.0/24' }),
      errors: [{ messageId: 'leadingZeros', path: '/applicationServer/ipv4Address', severity: 'error', data: { octet: '010' } }],
    },
    {
      name: 'allowLeadingZeros: false is the default',
      body: subnets({ ipv4Address: '010.1.1.0/24' }),
      options: { rules: { 'ip-address': ['error', { allowLeadingZeros: false }] } },
      errors: [{ messageId: 'leadingZeros', path: '/applicationServer/ipv4Address' }],
    },
    {
      name: 'allowLeadingZeros: an octet of four digits, which the pattern rejects too, is still not an address',
      body: subnets({ ipv4Address: '0010.1.1.0/24' }),
      options: { rules: { 'ip-address': ['error', { allowLeadingZeros: true }] } },
      errors: [{ messageId: 'notIpv4', path: '/applicationServer/ipv4Address', severity: 'error' }],
    },
    {
      name: 'allowLeadingZeros: the subnet is read without them, and its other faults reported with the value as given',
      body: subnets({ ipv4Address: '010.001.1.0/33' }),
      options: { rules: { 'ip-address': ['error', { allowLeadingZeros: true }] } },
      errors: [{ messageId: 'badPrefix', path: '/applicationServer/ipv4Address', data: { value: '010.001.1.0/33', prefix: '33' } }],
    },
    {
      name: 'allowLeadingZeros: an octet above 255 is still not an address',
      body: subnets({ ipv4Address: '010.1.1.256' }),
      options: { rules: { 'ip-address': ['error', { allowLeadingZeros: true }] } },
      errors: [{ messageId: 'notIpv4', path: '/applicationServer/ipv4Address', data: { value: '010.1.1.256', reason: "'256' is above 255" } }],
    },
    {
      name: 'allowLeadingZeros: device addresses still reject them (their format: ipv4 does)',
      body: subnets({ ipv4Address: '010.1.1.0/24' }, { ipv4Address: { publicAddress: '084.125.93.10', publicPort: 5000 } }),
      options: { rules: { 'ip-address': ['error', { allowLeadingZeros: true }] } },
      errors: [{ messageId: 'leadingZeros', path: '/device/ipv4Address/publicAddress', data: { octet: '084' } }],
    },
    {
      name: 'allowLeadingZeros: list items still reject them (their format: ipv4 does)',
      body: list('198.51.100.1', '198.051.100.2'),
      options: { rules: { 'ip-address': ['error', { allowLeadingZeros: true }] } },
      errors: [{ messageId: 'leadingZeros', path: '/applicationServer/ipAddresses/1' }],
    },
    {
      name: 'a leading zero in a list item',
      body: list('192.168.001.1'),
      errors: [{ messageId: 'leadingZeros', path: '/applicationServer/ipAddresses/0' }],
    },
    { name: 'a colons-only device IPv6 address', body: withDevice({ ipv6Address: '::::' }), errors: [{ messageId: 'notIpv6', path: '/device/ipv6Address', data: { reason: 'it is only colons' } }] },
    {
      name: 'a colons-only server IPv6 address, which the 1.2 pattern accepts',
      body: subnets({ ipv6Address: ':::' }),
      errors: [{ messageId: 'notIpv6', path: '/applicationServer/ipv6Address', data: { reason: 'it is only colons' } }],
    },
    { name: 'two ::', body: withDevice({ ipv6Address: '2001::db8::1' }), errors: [{ messageId: 'notIpv6', path: '/device/ipv6Address', data: { reason: "'::' may appear only once" } }] },
    { name: 'hex-like text the 1.2 IPv6 pattern accepts', body: subnets({ ipv6Address: 'abc' }), errors: [{ messageId: 'notIpv6', path: '/applicationServer/ipv6Address' }] },
    { name: 'a list item that is no address', body: list('198.51.100.1', 'not-an-ip'), errors: [{ messageId: 'notIpAddress', path: '/applicationServer/ipAddresses/1', data: { value: 'not-an-ip' } }] },
    {
      name: 'an IPv4 address as the device IPv6 address',
      body: withDevice({ ipv6Address: '192.0.2.1' }),
      errors: [{ messageId: 'wrongFamily', path: '/device/ipv6Address', data: { expected: 'IPv6', actual: 'IPv4' } }],
    },
    {
      name: 'an IPv4 subnet in the server IPv6 field, which the 1.2 pattern accepts',
      body: subnets({ ipv6Address: '1.2.3.0/24' }),
      errors: [{ messageId: 'wrongFamily', path: '/applicationServer/ipv6Address', data: { expected: 'IPv6', actual: 'IPv4' } }],
    },
    {
      name: 'an IPv6 subnet in the server IPv4 field',
      body: subnets({ ipv4Address: '2001:db8::/32' }),
      errors: [{ messageId: 'wrongFamily', path: '/applicationServer/ipv4Address', data: { expected: 'IPv4', actual: 'IPv6' } }],
    },
    { name: 'a zone index', body: withDevice({ ipv6Address: 'fe80::1%eth0' }), errors: [{ messageId: 'zoneId', path: '/device/ipv6Address', data: { zone: 'eth0' } }] },
    {
      name: 'a device IPv6 address with a prefix',
      body: withDevice({ ipv6Address: '2001:db8:85a3:8d3::/64' }),
      errors: [{ messageId: 'prefixNotAllowed', path: '/device/ipv6Address', data: { prefix: '64' } }],
    },
    {
      name: 'a device IPv4 address with a mask',
      body: withDevice({ ipv4Address: { publicAddress: '84.125.93.10/32', privateAddress: '10.0.0.1' } }),
      errors: [{ messageId: 'prefixNotAllowed', path: '/device/ipv4Address/publicAddress', data: { prefix: '32' } }],
    },
    {
      name: 'an IPv4 prefix above 32',
      body: subnets({ ipv4Address: '198.51.100.0/33' }),
      errors: [{ messageId: 'badPrefix', path: '/applicationServer/ipv4Address', data: { prefix: '33', family: 'IPv4', max: 32 } }],
    },
    { name: 'a prefix with a leading zero', body: subnets({ ipv4Address: '198.51.100.0/08' }), errors: [{ messageId: 'badPrefix', path: '/applicationServer/ipv4Address', data: { prefix: '08' } }] },
    { name: 'an IPv6 prefix above 128', body: subnets({ ipv6Address: '2001:db8::/129' }), errors: [{ messageId: 'badPrefix', path: '/applicationServer/ipv6Address', data: { max: 128 } }] },
    { name: 'an empty prefix', body: subnets({ ipv6Address: '2001:db8::/' }), errors: [{ messageId: 'badPrefix', path: '/applicationServer/ipv6Address', data: { prefix: '' } }] },
    { name: 'a bad prefix in a list item', body: list('198.51.100.0/33'), errors: [{ messageId: 'badPrefix', path: '/applicationServer/ipAddresses/0' }] },
    {
      name: 'a server IPv4 subnet over 18 characters',
      body: subnets({ ipv4Address: '198.051.100.000/024' }),
      errors: [{ messageId: 'tooLong', path: '/applicationServer/ipv4Address', data: { length: 18 + 1, limit: 18 } }],
    },
    { name: 'a device IPv6 address over 45 characters', body: withDevice({ ipv6Address: 'f'.repeat(46) }), errors: [{ messageId: 'tooLong', path: '/device/ipv6Address', data: { limit: 45 } }] },
    {
      name: 'several problems, one finding each',
      body: { ...base, device: { ipv4Address: { publicAddress: '1.2.3', privateAddress: '1.2.3.4/8' }, ipv6Address: '1::2::3' }, applicationServer: { ipAddresses: ['x', '::1', '1.1.1.1.1'] } },
      errors: [
        { messageId: 'notIpv4', path: '/device/ipv4Address/publicAddress' },
        { messageId: 'prefixNotAllowed', path: '/device/ipv4Address/privateAddress' },
        { messageId: 'notIpv6', path: '/device/ipv6Address' },
        { messageId: 'notIpAddress', path: '/applicationServer/ipAddresses/0' },
        { messageId: 'notIpv4', path: '/applicationServer/ipAddresses/2' },
      ],
    },
    {
      name: 'SDK: a server IPv4 address that is a word (no schema pattern there)',
      body: sdk({ phone_number: '+34600000000' }, { ipv4_address: 'hello' }),
      options: SDK,
      errors: [{ messageId: 'notIpv4', path: '/application_server/ipv4_address', severity: 'error', code: 'INVALID_ARGUMENT' }],
    },
    {
      name: 'SDK: device addresses of the wrong family and with leading zeros',
      body: sdk({ ipv4_address: { public_address: '84.125.93.10', private_address: '010.0.0.1' }, ipv6_address: '10.0.0.1' }),
      options: SDK,
      errors: [
        { messageId: 'leadingZeros', path: '/device/ipv4_address/private_address' },
        { messageId: 'wrongFamily', path: '/device/ipv6_address' },
      ],
    },
    { name: 'SDK: a bad server prefix', body: sdk({ phone_number: '+34600000000' }, { ipv6_address: '2001:db8::/200' }), options: SDK, errors: [{ messageId: 'badPrefix', path: '/application_server/ipv6_address' }] },
    {
      name: 'canonicalIpv6: IPv6 addresses not written as RFC 5952 recommends, one level below the rule',
      body: { ...subnets({ ipv6Address: '2001:DB8::/32' }, { ipv6Address: '2001:0db8:0:0:0:0:0:1' }), applicationServer: { ipv6Address: '2001:DB8::/32', ipAddresses: ['2001:db8::1', '::FFFF:198.51.100.1'] } },
      options: { rules: { 'ip-address': ['error', { canonicalIpv6: true }] } },
      errors: [
        { messageId: 'nonCanonicalIpv6', path: '/applicationServer/ipv6Address', severity: 'warn', data: { canonical: '2001:db8::/32' } },
        { messageId: 'nonCanonicalIpv6', path: '/applicationServer/ipAddresses/1', severity: 'warn', data: { canonical: '::ffff:198.51.100.1' } },
        { messageId: 'nonCanonicalIpv6', path: '/device/ipv6Address', severity: 'warn', data: { canonical: '2001:db8::1' } },
      ],
    },
  ],
});

describe('ip-address: the schema keywords it owns', () => {
  const ajvIpv4 = fullFormats.ipv4 as RegExp;
  const ajvIpv6 = fullFormats.ipv6 as RegExp;
  const OWNED = new Set(['format', 'maxLength', 'pattern', 'anyOf']);

  /** Valid and near-valid address text of both families, with and without prefixes. */
  const text = (() => {
    const alphabet = '0123456789abcdefABCDEF:.:%/ x';
    const mutate = (s: fc.Arbitrary<string>) =>
      fc.tuple(s, fc.nat(), fc.nat(alphabet.length - 1), fc.boolean()).map(([v, at, c, replace]) => {
        const i = at % (v.length + 1);
        return v.slice(0, i) + alphabet[c] + v.slice(i + (replace ? 1 : 0));
      });
    const prefixed = (a: fc.Arbitrary<string>, max: number) => fc.tuple(a, fc.integer({ min: -1, max: max + 3 }), fc.boolean()).map(([v, p, zero]) => (p < 0 ? v : `${v}/${zero ? '0' : ''}${p}`));
    const zeroPadded = fc.array(fc.tuple(fc.nat(255), fc.nat(2)), { minLength: 4, maxLength: 4 }).map((o) => o.map(([n, z]) => '0'.repeat(z) + n).join('.'));
    const v4 = fc.oneof(fc.ipV4(), fc.ipV4Extended(), zeroPadded);
    const v6 = fc.ipV6();
    return fc.oneof(v4, v6, prefixed(v4, 32), prefixed(v6, 128), mutate(v4), mutate(v6), mutate(prefixed(v6, 128)), fc.string({ unit: fc.constantFrom(...alphabet.split('')), maxLength: 50 }), fc.string({ maxLength: 8 }));
  })();

  function schemaRejects(validateFn: SchemaValidateFunction, body: unknown, path: string): boolean {
    if (validateFn(body)) return false;
    return (validateFn.errors ?? []).some((e) => e.instancePath === path && OWNED.has(e.keyword));
  }

  function ruleIds(body: unknown, path: string, options?: object): string[] {
    return validate(body, options)
      .issues.filter((i) => i.path === path && (i.ruleId === 'ip-address' || (i.ruleId === 'server-address-list' && i.messageId === 'prefixInList')))
      .map((i) => `${i.ruleId}#${i.messageId}`);
  }

  const formatFields: [string, (s: string) => unknown, string][] = [
    ['device publicAddress', (s) => withDevice({ ipv4Address: { publicAddress: s, publicPort: 1 } }), '/device/ipv4Address/publicAddress'],
    ['device privateAddress', (s) => withDevice({ ipv4Address: { publicAddress: '84.125.93.10', privateAddress: s } }), '/device/ipv4Address/privateAddress'],
    ['device ipv6Address', (s) => withDevice({ ipv6Address: s }), '/device/ipv6Address'],
    ['an address-list item', (s) => list(s), '/applicationServer/ipAddresses/0'],
  ];

  it.each(formatFields)('reports %s exactly when format/maxLength/anyOf reject it (qod-1.2)', (_, make, path) => {
    fc.assert(
      fc.property(text, (s) => {
        const body = make(s);
        expect(ruleIds(body, path).length > 0).toBe(schemaRejects(qod12.validate, body, path));
        expect(ruleIds(body, path).length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 3000 },
    );
  }, 60_000);

  it.each([
    ['ipv4Address', 4],
    ['ipv6Address', 6],
  ] as const)('reports the server %s whenever pattern/maxLength reject it, and beyond that only what the ipv%s format rejects', (key, family) => {
    fc.assert(
      fc.property(text, (s) => {
        const body = subnets({ [key]: s });
        const path = `/applicationServer/${key}`;
        const found = ruleIds(body, path);
        const rejected = schemaRejects(qod12.validate, body, path);
        if (rejected) expect(found.length).toBe(1);
        if (found.length > 0 && !rejected) {
          // Stricter than the loose 1.2 pattern exactly where the format of the same family is.
          const address = s.split('/')[0]!;
          expect((family === 4 ? ajvIpv4 : ajvIpv6).test(address)).toBe(false);
          if (family === 4) expect(found).toEqual(['ip-address#leadingZeros']);
        }
      }),
      { numRuns: 3000 },
    );
  }, 60_000);

  it('reports SDK device addresses exactly when format/maxLength reject them', () => {
    fc.assert(
      fc.property(text, (s) => {
        const body = sdk({ ipv4_address: { public_address: s, public_port: 1 }, ipv6_address: s });
        for (const path of ['/device/ipv4_address/public_address', '/device/ipv6_address']) {
          expect(ruleIds(body, path, SDK).length > 0).toBe(schemaRejects(qodSdk.validate, body, path));
        }
      }),
      { numRuns: 3000 },
    );
  }, 60_000);

  it('never throws, whatever the strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }), (a, b) => {
        const report = validate({ ...base, device: { ipv4Address: { publicAddress: a, privateAddress: b }, ipv6Address: b }, applicationServer: { ipAddresses: [a, b] } });
        expect(report.issues.some((i) => i.messageId === 'internalError')).toBe(false);
      }),
      { numRuns: 2000 },
    );
  }, 60_000);
});

describe('ip-address fixes: leading zeros, only where every reading of the address agrees', () => {
  it.each<[string, object, string, string | undefined]>([
    ["'093' and '010': octal and decimal readings differ", withDevice({ ipv4Address: { publicAddress: '84.125.093.010' } }), '/device/ipv4Address/publicAddress', undefined],
    ["'084': no octal number", withDevice({ ipv4Address: { publicAddress: '084.125.93.10' } }), '/device/ipv4Address/publicAddress', undefined],
    ['all octets small', withDevice({ ipv4Address: { publicAddress: '001.002.003.004' } }), '/device/ipv4Address/publicAddress', '1.2.3.4'],
    ['zeros only', withDevice({ ipv4Address: { privateAddress: '192.168.000.007' } }), '/device/ipv4Address/privateAddress', '192.168.0.7'],
    ['a server subnet: the prefix stays', subnets({ ipv4Address: '198.51.100.000/24' }), '/applicationServer/ipv4Address', '198.51.100.0/24'],
    ['a list item', list('198.51.100.01'), '/applicationServer/ipAddresses/0', '198.51.100.1'],
    ['the quad at the end of an IPv6 address', withDevice({ ipv6Address: '::FFFF:192.000.002.001' }), '/device/ipv6Address', '::FFFF:192.0.2.1'],
    ["'010': 8 in octal, 10 in decimal", withDevice({ ipv4Address: { publicAddress: '010.1.1.1' } }), '/device/ipv4Address/publicAddress', undefined],
    ["'08': no octal number at all", withDevice({ ipv4Address: { publicAddress: '84.125.93.08' } }), '/device/ipv4Address/publicAddress', undefined],
    ["one octet that disagrees is enough ('010' beside '001')", subnets({ ipv4Address: '001.010.1.0/24' }), '/applicationServer/ipv4Address', undefined],
    ['in an IPv6 address too', withDevice({ ipv6Address: '::ffff:192.0.2.010' }), '/device/ipv6Address', undefined],
  ])('%s', (_what, body, path, expected) => {
    expect(fixAt(body, 'ip-address', path)).toBe(expected);
  });

  it('no fix without the text (validate)', () => {
    expect(validate(withDevice({ ipv4Address: { publicAddress: '001.002.003.004' } })).issues.find((i) => i.ruleId === 'ip-address')?.fix).toBeUndefined();
  });

  it('agrees with ipaddr.js, which reads a leading zero as octal: a fix only where its reading is the decimal one', () => {
    const octet = fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 2 })).map(([value, zeros]) => `${'0'.repeat(zeros)}${value}`.slice(-Math.max(3, String(value).length)));
    let fixed = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.array(octet, { minLength: 4, maxLength: 4 }), (octets) => {
        const written = octets.join('.');
        const decimal = octets.map((o) => String(Number(o))).join('.');
        if (written === decimal) return;
        const fix = fixAt(withDevice({ ipv4Address: { publicAddress: written } }), 'ip-address', '/device/ipv4Address/publicAddress');
        let octal: string | undefined;
        try {
          octal = ipaddr.IPv4.parse(written).toString();
        } catch {
          octal = undefined;
        }
        if (fix === undefined) {
          refused++;
          expect(octal).not.toBe(decimal);
        } else {
          fixed++;
          expect(fix).toBe(decimal);
          expect(octal).toBe(decimal);
        }
      }),
      { numRuns: 600 },
    );
    expect(fixed).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(50);
  });
});

describe('ip-address fix: IPv6 in RFC 5952 form (canonicalIpv6)', () => {
  const CANONICAL: ValidateOptions = { rules: { 'ip-address': ['error', { canonicalIpv6: true }] } };
  const fixOf = (ipv6Address: string) => fixAt(withDevice({ ipv6Address }), 'ip-address', '/device/ipv6Address', CANONICAL);

  it.each([
    ['2001:DB8::1', '2001:db8::1'],
    ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['2001:db8::0:1', '2001:db8::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:db8:0:1:0:0:0:1', '2001:db8:0:1::1'],
    ['0:0:0:0:0:0:0:1', '::1'],
    ['::FFFF:192.0.2.1', '::ffff:192.0.2.1'],
    ['0:0:0:0:0:ffff:192.0.2.1', '::ffff:192.0.2.1'],
    ['64:FF9B::198.51.100.7', '64:ff9b::198.51.100.7'],
    ['::ffff:c000:201', '::ffff:c000:201'], // written in hexadecimal: the notation is the writer's
  ])('%s → %s', (written, canonical) => {
    if (written === canonical) expect(validate(withDevice({ ipv6Address: written }), CANONICAL).issues.filter((i) => i.ruleId === 'ip-address')).toEqual([]);
    else expect(fixOf(written)).toBe(canonical);
  });

  it('a server subnet keeps its prefix', () => {
    expect(fixAt(subnets({ ipv6Address: '2001:DB8:0::/48' }), 'ip-address', '/applicationServer/ipv6Address', CANONICAL)).toBe('2001:db8::/48');
  });

  it('agrees with ipaddr.js (toRFC5952String) on addresses in hexadecimal groups, whatever their spelling', () => {
    const group = fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 0xffff }));
    const spelling = fc.tuple(fc.array(group, { minLength: 8, maxLength: 8 }), fc.boolean(), fc.boolean(), fc.boolean());
    fc.assert(
      fc.property(spelling, ([groups, upper, padded, compress]) => {
        let text = groups.map((g) => (padded ? g.toString(16).padStart(4, '0') : g.toString(16))).join(':');
        if (compress) text = ipaddr.IPv6.parse(text).toString(); // ipaddr.js compresses its own way
        if (upper) text = text.toUpperCase();
        const expected = ipaddr.IPv6.parse(text).toRFC5952String();
        // ipaddr.js writes IPv4-mapped addresses in hexadecimal too; RFC 5952 section 5 prefers the dotted form, which the rule keeps only when written so.
        const fix = text === expected ? undefined : fixOf(text);
        if (fix !== undefined) expect(fix).toBe(expected);
        else expect(text).toBe(expected);
      }),
      { numRuns: 600 },
    );
  });
});
