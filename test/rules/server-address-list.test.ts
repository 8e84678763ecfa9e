import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/index.js';
import * as qod12 from '../../src/schema/compiled/qod-1.2.js';
import type { SchemaValidateFunction } from '../../src/schema/compiled-schema.js';
import { ruleTester } from '../helpers/rule-tester.js';

const base = { qosProfile: 'QOS_E', duration: 3600 };
const list = (...ipAddresses: unknown[]) => ({ ...base, applicationServer: { ipAddresses } });
const sixteen = Array.from({ length: 16 }, (_, i) => `198.51.100.${i + 1}`);

ruleTester('server-address-list', {
  valid: [
    { name: "CAMARA's address list example", body: list('198.51.100.0', '198.51.100.255', '2001:db8:85a3:8d3:1319:8a2e:370:7344') },
    { name: 'sixteen addresses', body: list(...sixteen) },
    { name: 'the same host bits in different families are different addresses', body: list('::c633:6401', '198.51.100.2') },
    { name: 'the subnet form (no list)', body: { ...base, applicationServer: { ipv4Address: '198.51.100.0/24' } } },
    { name: 'SDK: no list form at all', body: { device: { phone_number: '+34600000000' }, qos_profile: 'QOS_VC', application_server: { ipv4_address: '198.51.100.0/24' } }, options: { dialect: 'qod-sdk' } },
  ],
  invalid: [
    {
      name: 'an empty list',
      body: list(),
      errors: [{ messageId: 'empty', path: '/applicationServer/ipAddresses', severity: 'error', status: 400, code: 'INVALID_ARGUMENT', data: { count: 0, min: 1, max: 16 } }],
    },
    {
      name: 'seventeen addresses',
      body: list(...sixteen, '198.51.100.200'),
      errors: [{ messageId: 'tooMany', path: '/applicationServer/ipAddresses', status: 400, code: 'INVALID_ARGUMENT', data: { count: 17, max: 16 } }],
    },
    {
      name: 'seventeen items, not all strings (the schema counts them all)',
      body: list(...sixteen.slice(0, 10), 1, 2, 3, 4, 5, 6, 7),
      errors: [{ messageId: 'tooMany', path: '/applicationServer/ipAddresses', data: { count: 17 } }],
    },
    {
      name: 'the same spelling twice',
      body: list('198.51.100.1', '198.51.100.2', '198.51.100.1'),
      errors: [{ messageId: 'duplicate', path: '/applicationServer/ipAddresses/2', severity: 'error', data: { first: 0, value: '198.51.100.1' } }],
    },
    {
      name: 'the same IPv6 address spelled differently',
      body: list('2001:db8::a', '2001:DB8:0:0::A'),
      errors: [{ messageId: 'duplicate', path: '/applicationServer/ipAddresses/1', data: { first: 0, firstValue: '2001:db8::a', value: '2001:DB8:0:0::A' } }],
    },
    {
      name: 'an IPv4 address and its IPv4-mapped IPv6 spelling',
      body: list('192.0.2.1', '::ffff:192.0.2.1'),
      errors: [{ messageId: 'duplicate', path: '/applicationServer/ipAddresses/1', data: { first: 0 } }],
    },
    {
      name: 'three times the same address: each repeat names the first',
      body: list('2001:db8::1', '2001:0db8::0001', '2001:db8:0:0:0:0:0:1'),
      errors: [
        { messageId: 'duplicate', path: '/applicationServer/ipAddresses/1', data: { first: 0 } },
        { messageId: 'duplicate', path: '/applicationServer/ipAddresses/2', data: { first: 0 } },
      ],
    },
    {
      name: 'repeated text that is no address (as uniqueItems sees it)',
      body: list('not-an-ip', 'not-an-ip'),
      errors: [{ messageId: 'duplicate', path: '/applicationServer/ipAddresses/1' }],
    },
    {
      name: 'a masked entry',
      body: list('198.51.100.1', '1.2.3.0/24'),
      errors: [{ messageId: 'prefixInList', path: '/applicationServer/ipAddresses/1', severity: 'error', code: 'INVALID_ARGUMENT', data: { prefix: '24' } }],
    },
    {
      name: 'an IPv6 entry with a /128 prefix',
      body: list('2001:db8::1/128'),
      errors: [{ messageId: 'prefixInList', path: '/applicationServer/ipAddresses/0', data: { prefix: '128' } }],
    },
    {
      name: 'a masked entry repeated: two problems on the repeat',
      body: list('1.2.3.0/24', '1.2.3.0/24'),
      errors: [
        { messageId: 'prefixInList', path: '/applicationServer/ipAddresses/0' },
        { messageId: 'duplicate', path: '/applicationServer/ipAddresses/1' },
        { messageId: 'prefixInList', path: '/applicationServer/ipAddresses/1' },
      ],
    },
    {
      name: 'a long list with repeats (found by key, not by pairs)',
      body: list(...Array.from({ length: 40 }, (_, i) => `198.51.100.${i % 20}`)),
      errors: [
        { messageId: 'tooMany', path: '/applicationServer/ipAddresses', data: { count: 40 } },
        ...Array.from({ length: 20 }, (_, i) => ({ messageId: 'duplicate', path: `/applicationServer/ipAddresses/${i + 20}`, data: { first: i } })),
      ],
    },
    {
      name: 'a long list: an IPv4 address and its IPv4-mapped spelling are still one address',
      body: list(...Array.from({ length: 38 }, (_, i) => `2001:db8::${i + 1}`), '192.0.2.1', '::ffff:c000:201'),
      errors: [
        { messageId: 'tooMany', path: '/applicationServer/ipAddresses', data: { count: 40 } },
        { messageId: 'duplicate', path: '/applicationServer/ipAddresses/39', data: { first: 38, value: '::ffff:c000:201' } },
      ],
    },
    {
      name: 'an IPv4 subnet and the same network in IPv4-mapped notation',
      body: list('198.51.100.0/24', '::ffff:198.51.100.0/120', '::ffff:198.51.100.0/24'),
      errors: [
        { messageId: 'prefixInList', path: '/applicationServer/ipAddresses/0' },
        { messageId: 'duplicate', path: '/applicationServer/ipAddresses/1', data: { first: 0 } },
        { messageId: 'prefixInList', path: '/applicationServer/ipAddresses/1' },
        { messageId: 'prefixInList', path: '/applicationServer/ipAddresses/2' },
      ],
    },
    {
      name: 'a list too long for the model to walk is still counted (with the array limit raised)',
      options: { limits: { maxArrayLength: 100_000, maxValues: 1_000_000 } },
      body: list(...Array.from({ length: 70000 }, (_, i) => `2001:db8::${(i >> 16).toString(16)}:${(i & 0xffff).toString(16)}`)),
      errors: [{ messageId: 'tooMany', path: '/applicationServer/ipAddresses', data: { count: 70000 } }],
    },
  ],
});

describe('server-address-list: the schema keywords it owns', () => {
  // A small pool of spellings so that lists often repeat an address, in the same or another spelling.
  const pool = ['198.51.100.1', '198.51.100.01', '2001:db8::a', '2001:DB8:0:0::A', '2001:db8::b', '::ffff:198.51.100.1', '1.2.3.0/24', 'x', 'fe80::1%1', '203.0.113.9'];
  const lists = fc.array(fc.constantFrom(...pool), { maxLength: 20 });

  /** The schema's own verdict on the keywords this rule owns. */
  function schemaErrors(items: string[]): Set<string> {
    const validateSchema = qod12.validate as SchemaValidateFunction;
    validateSchema(list(...items));
    return new Set((validateSchema.errors ?? []).filter((e) => e.instancePath === '/applicationServer/ipAddresses').map((e) => e.keyword));
  }

  /**
   * Duplicates by value: ipaddr.js values for addresses (and address/prefix), text otherwise. An
   * IPv4-mapped address is its IPv4 address, and an IPv4-mapped subnet of /96 or longer the IPv4
   * subnet it covers ('::ffff:1.2.3.0/120' is '1.2.3.0/24').
   */
  function valueKey(s: string): string {
    try {
      if (s.includes('/')) {
        const [address, prefix] = ipaddr.parseCIDR(s);
        if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress() && prefix >= 96) {
          return `cidr:${(address as ipaddr.IPv6).toIPv4Address().toString()}/${prefix - 96}`;
        }
        return `cidr:${address.toString()}/${prefix}`;
      }
      if (!/^[0-9a-fA-F:.]+$/.test(s) || /(^|\.)0\d/.test(s)) return `text:${s}`;
      // ipaddr.js reads the IPv4-compatible '::a.b.c.d' as IPv4-mapped; RFC 4291 gives it its own value.
      if (/^::\d+\.\d+\.\d+\.\d+$/.test(s)) return `compatible:${s}`;
      return `ip:${ipaddr.process(s).toNormalizedString()}`;
    } catch {
      return `text:${s}`;
    }
  }

  it('reports what minItems, maxItems and uniqueItems reject, and duplicates by value', () => {
    fc.assert(
      fc.property(lists, (items) => {
        const found = validate(list(...items)).issues.filter((i) => i.ruleId === 'server-address-list');
        const ids = new Set(found.map((i) => i.messageId));
        const schema = schemaErrors(items);
        expect(ids.has('empty')).toBe(schema.has('minItems'));
        expect(ids.has('tooMany')).toBe(schema.has('maxItems'));
        if (schema.has('uniqueItems')) expect(ids.has('duplicate')).toBe(true);
        const keys = items.map(valueKey);
        const repeats = keys.map((k, i) => (keys.indexOf(k) < i ? `/applicationServer/ipAddresses/${i}` : undefined)).filter(Boolean);
        expect(found.filter((i) => i.messageId === 'duplicate').map((i) => i.path)).toEqual(repeats);
      }),
      { numRuns: 3000 },
    );
  }, 60_000);

  it('finds the same duplicates in a long list (by key) as in a short one (by pairs)', () => {
    // Spellings of a few values: IPv4, IPv4-mapped (dotted and hexadecimal, any case, expanded),
    // the IPv4-compatible form (another value), subnets of both notations, and text.
    const spellings = [
      '198.51.100.1', '::ffff:198.51.100.1', '::FFFF:198.51.100.1', '::ffff:c633:6401', '0:0:0:0:0:ffff:c633:6401', '::198.51.100.1',
      '198.51.100.2', '::ffff:c633:6402',
      '198.51.100.0/24', '::ffff:198.51.100.0/120', '::ffff:198.51.100.0/24', '198.51.100.1/24',
      '2001:db8::a', '2001:DB8:0:0::A', 'not-an-ip',
    ];
    // Distinct fillers, equal to no spelling above, that push a list past the pairwise limit (32).
    const filler = Array.from({ length: 33 }, (_, i) => `2001:db8:ffff::${(i + 1).toString(16)}`);
    const duplicates = (items: string[], from: number, to: number) =>
      validate(list(...items))
        .issues.filter((i) => i.messageId === 'duplicate')
        .map((i) => ({ at: Number(i.path.split('/').pop()), first: i.data!.first as number }))
        .filter(({ at }) => at >= from && at < to)
        .map(({ at, first }) => `${at - from} first ${first - from}`);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...spellings), { minLength: 1, maxLength: 16 }), fc.boolean(), (items, fillerFirst) => {
        const short = duplicates(items, 0, items.length);
        const long = fillerFirst ? duplicates([...filler, ...items], filler.length, Infinity) : duplicates([...items, ...filler], 0, items.length);
        expect(long).toEqual(short);
        const keys = items.map(valueKey);
        expect(short).toEqual(keys.flatMap((k, i) => (keys.indexOf(k) < i ? [`${i} first ${keys.indexOf(k)}`] : [])));
      }),
      { numRuns: 2000 },
    );
  }, 60_000);
});
