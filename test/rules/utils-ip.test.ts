// The IP helpers of the address rules (src/rules/utils/ip/), proven against their authorities:
// ajv-formats' ipv4/ipv6 formats (which spellings the schemas accept) and ipaddr.js (what an
// address means). The special-range table is checked against the IANA registries in
// utils-ip-special-ranges.test.ts.

import { fullFormats } from 'ajv-formats/dist/formats.js';
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { effectiveFamily, hasHostBits, networkAddress, sameAddress, type IpAddress } from '../../src/rules/utils/ip/address.js';
import { diagnoseAddress } from '../../src/rules/utils/ip/diagnose.js';
import { formatAddress } from '../../src/rules/utils/ip/format.js';
import { addressOf, parseIp, parseIpv4, parseIpv6, parsePrefixLength, parseSubnet, subnetOf } from '../../src/rules/utils/ip/parse.js';
import { classify } from '../../src/rules/utils/ip/special-ranges.js';
import { isMetadataAddress } from '../../src/rules/utils/cloud-metadata.js';
import { codePointLength, printable } from '../../src/shared/text.js';

const ajvIpv4 = fullFormats.ipv4 as RegExp;
const ajvIpv6 = fullFormats.ipv6 as RegExp;
/** Large samples: the parsers' agreement with their authorities is the point of these tests. */
const RUNS = { numRuns: 10000 };
const SLOW = 30_000;

// #region Generators: valid addresses, other notations and near misses

const hexGroup = fc.integer({ min: 0, max: 0xffff });

/** An IPv6 address re-spelled: case, leading zeros in groups, any zero run compressed. */
const ipv6Spelling = fc
  .tuple(
    fc.array(fc.oneof({ weight: 3, arbitrary: hexGroup }, { weight: 2, arbitrary: fc.constant(0) }), { minLength: 8, maxLength: 8 }),
    fc.boolean(),
    fc.boolean(),
    fc.nat(),
    fc.nat(),
  )
  .map(([parts, upper, padded, a, b]) => {
    let groups = parts.map((p) => p.toString(16).padStart(padded ? 4 : 1, '0'));
    if (upper) groups = groups.map((g) => g.toUpperCase());
    const start = a % 9;
    const end = start + (b % (9 - start));
    // Compress a run of zero groups only (an empty run gives the uncompressed form).
    if (end > start && parts.slice(start, end).every((p) => p === 0)) {
      const text = `${groups.slice(0, start).join(':')}::${groups.slice(end).join(':')}`;
      return { text, parts };
    }
    return { text: groups.join(':'), parts };
  });

const dottedQuad = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((o) => o.join('.'));

/** Mixed notation: six groups (or '::' forms) then a dotted quad. */
const mixedIpv6 = fc
  .tuple(fc.constantFrom('::ffff:', '::', '64:ff9b::', '2001:db8::', '1:2:3:4:5:6:', '::1:', 'fe80::a:', '::ffff:0:'), dottedQuad)
  .map(([head, quad]) => head + quad);

/** One edit of a string: insert, delete or replace a character with one of an address alphabet. */
function mutate(base: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const alphabet = '0123456789abcdefABCDEFgG:.:%/ x-';
  return fc.tuple(base, fc.nat(), fc.nat(alphabet.length - 1), fc.constantFrom('insert', 'delete', 'replace', 'zero', 'double')).map(([s, at, ch, op]) => {
    const i = s.length === 0 ? 0 : at % (s.length + 1);
    const c = alphabet[ch]!;
    if (op === 'insert') return s.slice(0, i) + c + s.slice(i);
    if (op === 'delete') return s.slice(0, i) + s.slice(i + 1);
    if (op === 'zero') return s.slice(0, i) + '0' + s.slice(i);
    if (op === 'double') return s.slice(0, i) + '::' + s.slice(i);
    return s.slice(0, i) + c + s.slice(i + 1);
  });
}

const addressAlphabet = fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF:.'.split('')), maxLength: 45 });

/** Valid and near-valid strings of both families. */
const candidates = fc.oneof(
  fc.ipV4(),
  fc.ipV4Extended(),
  fc.ipV6(),
  ipv6Spelling.map((x) => x.text),
  mixedIpv6,
  mutate(fc.ipV4()),
  mutate(fc.ipV6()),
  mutate(ipv6Spelling.map((x) => x.text)),
  mutate(mixedIpv6),
  addressAlphabet,
  fc.string({ maxLength: 20 }),
);

function ipaddrParts(text: string): number[] {
  return ipaddr.IPv6.parse(text).parts;
}

function groupsOf(a: IpAddress): number[] {
  return [a.w0 >>> 16, a.w0 & 0xffff, a.w1 >>> 16, a.w1 & 0xffff, a.w2 >>> 16, a.w2 & 0xffff, a.w3 >>> 16, a.w3 & 0xffff];
}

// #endregion

describe('utils/ip', () => {
  describe('parseIpv4', () => {
    it('accepts exactly what ajv-formats ipv4 and ipaddr.js four-part decimal accept, with the same value', () => {
      fc.assert(
        fc.property(candidates, (s) => {
          const parsed = parseIpv4(s);
          expect(parsed !== undefined).toBe(ajvIpv4.test(s));
          expect(parsed !== undefined).toBe(ipaddr.IPv4.isValidFourPartDecimal(s));
          if (parsed) {
            expect(parsed.family).toBe(4);
            expect(groupsOf(parsed)).toEqual(ipaddr.IPv4.parse(s).toIPv4MappedAddress().parts);
          }
        }),
        RUNS,
      );
    }, SLOW);

    it.each(['01.2.3.4', '1.2.3.04', '00.0.0.0', '256.1.1.1', '1.2.3', '1.2.3.4.5', '1..2.3', '0x7f.0.0.1', '127.1', '2130706433', ' 1.2.3.4', '1.2.3.4 ', '1.2.3.4/24', '', '١.2.3.4'])(
      'rejects %j',
      (s) => expect(parseIpv4(s)).toBeUndefined(),
    );

    it.each(['0.0.0.0', '255.255.255.255', '192.0.2.1', '10.0.0.255'])('accepts %j', (s) => expect(parseIpv4(s)).toBeDefined());
  });

  describe('parseIpv6', () => {
    it('accepts exactly what ajv-formats ipv6 accepts, and only what ipaddr.js accepts, with its value', () => {
      fc.assert(
        fc.property(candidates, (s) => {
          const parsed = parseIpv6(s);
          expect(parsed !== undefined).toBe(ajvIpv6.test(s));
          if (parsed) {
            expect(ipaddr.IPv6.isValid(s)).toBe(true);
            expect(parsed.family).toBe(6);
            // ipaddr.js reads the deprecated '::a.b.c.d' as ::ffff:a.b.c.d; RFC 4291 gives it its own value.
            const compatible = /^::(\d+\.\d+\.\d+\.\d+)$/.exec(s);
            const expected = compatible ? [0, 0, 0, 0, 0, 0, ...ipaddrParts(`::ffff:${compatible[1]}`).slice(6)] : ipaddrParts(s);
            expect(groupsOf(parsed)).toEqual(expected);
          }
        }),
        RUNS,
      );
    }, SLOW);

    it('reads every spelling of an address as the same value', () => {
      fc.assert(
        fc.property(ipv6Spelling, ({ text, parts }) => {
          const parsed = parseIpv6(text);
          expect(parsed && groupsOf(parsed)).toEqual(parts);
        }),
        RUNS,
      );
    }, SLOW);

    it.each(['::::', ':::', ':', '', '1.2.3.4', 'fe80::1%eth0', 'fe80::1%25', '2001:db8::1/64', '1::2::3', '12345::', ':1::', '1::1:', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7', '::ffff:01.2.3.4', '::ffff:0x1.2.3.4', '::ffff:1.2.3', 'g::', ' ::1', '1.2.3.4::'])(
      'rejects %j',
      (s) => expect(parseIpv6(s)).toBeUndefined(),
    );

    it.each(['::', '::1', '1::', '1:2:3:4:5:6:7::', '::2:3:4:5:6:7:8', '2001:DB8:0:0::A', '::ffff:192.0.2.1', '1:2:3:4:5:6:1.2.3.4', '0000:0000:0000:0000:0000:0000:255.255.255.255'])(
      'accepts %j',
      (s) => expect(parseIpv6(s)).toBeDefined(),
    );

    it('parses a slice of a longer string without copying it', () => {
      expect(formatAddress(parseIpv6('[2001:db8::a]:443', 1, 12)!)).toBe('2001:db8::a');
      expect(formatAddress(parseIpv4('x10.0.0.1/8', 1, 9)!)).toBe('10.0.0.1');
    });
  });

  describe('parseIp and parseSubnet', () => {
    it('chooses the family by the presence of a colon', () => {
      expect(parseIp('192.0.2.1')?.family).toBe(4);
      expect(parseIp('2001:db8::1')?.family).toBe(6);
      expect(parseIp('hello')).toBeUndefined();
    });

    it('agrees with ipaddr.js on address/prefix for both families', () => {
      const subnet = fc.oneof(
        fc.tuple(fc.ipV4(), fc.integer({ min: -1, max: 40 })).map(([a, p]) => (p < 0 ? a : `${a}/${p}`)),
        fc.tuple(fc.ipV6(), fc.integer({ min: -1, max: 140 })).map(([a, p]) => (p < 0 ? a : `${a}/${p}`)),
        mutate(fc.tuple(fc.ipV4(), fc.nat(32)).map(([a, p]) => `${a}/${p}`)),
      );
      fc.assert(
        fc.property(subnet, (s) => {
          const parsed = parseSubnet(s);
          const [address, prefix] = s.split('/');
          const strictAddress = parseIp(address!) !== undefined;
          const prefixOk = prefix === undefined || /^(0|[1-9]\d{0,2})$/.test(prefix);
          const ipaddrOk = prefix === undefined ? ipaddr.isValid(address!) : ipaddr.isValidCIDR(s);
          expect(parsed !== undefined).toBe(strictAddress && prefixOk && ipaddrOk && s.split('/').length <= 2);
          if (parsed && prefix !== undefined) expect(parsed.prefix).toBe(Number(prefix));
        }),
        RUNS,
      );
    }, SLOW);

    it('subnetOf and addressOf remember parses without changing any answer', () => {
      const pool = fc.array(fc.oneof(candidates, fc.tuple(fc.ipV4(), fc.nat(40)).map(([a, p]) => `${a}/${p}`)), { minLength: 1, maxLength: 30 });
      fc.assert(
        fc.property(pool, fc.array(fc.nat(), { maxLength: 60 }), fc.constantFrom(4 as const, 6 as const, undefined), (strings, picks, family) => {
          for (const pick of [...picks, ...strings.keys()]) {
            const s = strings[pick % strings.length]!;
            // A fresh copy of the text, as JSON.parse would give for another field.
            const copy = (' ' + s).slice(1);
            expect(subnetOf(copy, family)).toEqual(parseSubnet(s, family));
            const single = parseSubnet(s, family);
            expect(addressOf(s, family)).toEqual(single && single.prefix < 0 ? single.address : undefined);
          }
        }),
        { numRuns: 2000 },
      );
    }, SLOW);

    it('rejects bad prefixes', () => {
      for (const s of ['1.2.3.4/33', '1.2.3.4/08', '1.2.3.4/', '1.2.3.4/-1', '1.2.3.4/2/3', '::/129', '::/064', '::/1000', '1.2.3.4/ 8']) {
        expect(parseSubnet(s), s).toBeUndefined();
      }
      expect(parseSubnet('1.2.3.4/0')?.prefix).toBe(0);
      expect(parseSubnet('::/128')?.prefix).toBe(128);
      expect(parseSubnet('1.2.3.4')?.prefix).toBe(-1);
      expect(parseSubnet('1.2.3.4/24', 6)).toBeUndefined();
      expect(parseSubnet('::1/64', 4)).toBeUndefined();
    });

    it('reads prefix lengths as the schemas\' patterns do', () => {
      const v4 = /^(3[0-2]|[12]?[0-9])$/;
      const v6 = /^(12[0-8]|1[0-1][0-9]|[1-9]?[0-9])$/;
      fc.assert(
        fc.property(fc.string({ unit: fc.constantFrom(...'0123456789x'.split('')), maxLength: 4 }), (p) => {
          expect(parsePrefixLength(p, 0, p.length, 32) >= 0).toBe(v4.test(p));
          expect(parsePrefixLength(p, 0, p.length, 128) >= 0).toBe(v6.test(p));
        }),
      );
    });
  });

  describe('equality and formatting', () => {
    it('compares by value, not by spelling', () => {
      expect(sameAddress(parseIp('2001:db8::a')!, parseIp('2001:DB8:0:0::A')!)).toBe(true);
      expect(sameAddress(parseIp('192.0.2.1')!, parseIp('::ffff:192.0.2.1')!)).toBe(true);
      expect(sameAddress(parseIp('192.0.2.1')!, parseIp('::192.0.2.1')!)).toBe(false);
      expect(sameAddress(parseIp('2001:db8::a')!, parseIp('2001:db8::b')!)).toBe(false);
    });

    it('formats IPv6 as RFC 5952 (as ipaddr.js does) and round-trips', () => {
      fc.assert(
        fc.property(ipv6Spelling, ({ text }) => {
          const a = parseIpv6(text)!;
          const formatted = formatAddress(a);
          expect(sameAddress(parseIp(formatted)!, a)).toBe(true);
          if (effectiveFamily(a) === 6) expect(formatted).toBe(ipaddr.IPv6.parse(text).toRFC5952String());
        }),
        RUNS,
      );
      expect(formatAddress(parseIp('192.0.2.1')!)).toBe('192.0.2.1');
      expect(formatAddress(parseIp('::FFFF:c000:201')!)).toBe('::ffff:192.0.2.1');
    }, SLOW);

    it('gives IPv4-mapped addresses the IPv4 family by value', () => {
      expect(effectiveFamily(parseIp('::ffff:10.0.0.1')!)).toBe(4);
      expect(effectiveFamily(parseIp('::10.0.0.1')!)).toBe(6);
      expect(effectiveFamily(parseIp('10.0.0.1')!)).toBe(4);
    });
  });

  describe('host bits and network address', () => {
    it('agree with ipaddr.js networkAddressFromCIDR', () => {
      fc.assert(
        fc.property(fc.ipV4(), fc.nat(32), (address, prefix) => {
          const a = parseIpv4(address)!;
          const expected = ipaddr.IPv4.networkAddressFromCIDR(`${address}/${prefix}`).toString();
          expect(formatAddress(networkAddress(a, prefix))).toBe(expected);
          expect(hasHostBits(a, prefix)).toBe(expected !== address);
        }),
        RUNS,
      );
      fc.assert(
        fc.property(fc.ipV6(), fc.nat(128), (address, prefix) => {
          const a = parseIpv6(address);
          fc.pre(a !== undefined && !/^::\d/.test(address));
          const expected = ipaddr.IPv6.networkAddressFromCIDR(`${address}/${prefix}`);
          expect(groupsOf(networkAddress(a!, prefix))).toEqual(expected.parts);
          expect(hasHostBits(a!, prefix)).toBe(groupsOf(a!).some((g, i) => g !== expected.parts[i]));
        }),
        RUNS,
      );
    }, SLOW);
  });

  describe('classify', () => {
    // ipaddr.js range names → our scopes (ipaddr.js files the documentation ranges under 'reserved').
    const DOCUMENTATION = ['192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24'].map((c) => ipaddr.IPv4.parseCIDR(c));
    // ipaddr.js files all of 192.0.0.0/24 under 'reserved'; the IANA registry marks these two
    // anycast addresses globally reachable (utils-ip-special-ranges.test.ts holds us to it).
    const GLOBAL_ANYCAST = ['192.0.0.9', '192.0.0.10'];
    function expectedIpv4Scope(text: string): string {
      const a = ipaddr.IPv4.parse(text);
      if (DOCUMENTATION.some((range) => a.match(range))) return 'documentation';
      if (GLOBAL_ANYCAST.includes(text)) return 'public';
      const name = a.range();
      const map: Record<string, string> = {
        unspecified: 'unspecified',
        broadcast: 'reserved',
        multicast: 'multicast',
        linkLocal: 'linkLocal',
        loopback: 'loopback',
        carrierGradeNat: 'private',
        private: 'private',
        reserved: 'reserved',
      };
      return map[name] ?? 'public';
    }
    const specialIpv4 = fc.oneof(
      fc.ipV4(),
      fc
        .tuple(fc.constantFrom('0', '10', '100.64', '100.127', '127', '169.254', '172.16', '172.31', '192.0.0', '192.0.2', '192.88.99', '192.168', '198.18', '198.19', '198.51.100', '203.0.113', '224', '239', '240', '255.255.255'), fc.array(fc.nat(255), { minLength: 3, maxLength: 3 }))
        .map(([head, tail]) => [...head.split('.'), ...tail].slice(0, 4).join('.')),
      fc.constantFrom(...GLOBAL_ANYCAST, '192.0.0.8', '192.0.0.11'),
    );

    it('classifies IPv4 addresses as ipaddr.js does', () => {
      fc.assert(
        fc.property(specialIpv4, (text) => {
          expect(classify(parseIpv4(text)!).scope).toBe(expectedIpv4Scope(text));
          // The IPv4-mapped spelling is the same address.
          expect(classify(parseIpv6(`::ffff:${text}`)!).scope).toBe(expectedIpv4Scope(text));
        }),
        RUNS,
      );
    }, SLOW);

    it('decides single addresses on the fast path as the full table does', () => {
      fc.assert(
        fc.property(fc.oneof(fc.ipV4(), fc.ipV6(), mixedIpv6, ipv6Spelling.map((x) => x.text)), (text) => {
          const a = parseIp(text);
          fc.pre(a !== undefined);
          // A full-length prefix takes the general path through every range.
          expect(classify(a!)).toBe(classify(a!, a!.family === 4 ? 32 : 128));
        }),
        RUNS,
      );
    }, SLOW);

    it.each([
      ['::', 'unspecified'],
      ['::1', 'loopback'],
      ['fe80::1', 'linkLocal'],
      ['febf:ffff::1', 'linkLocal'],
      ['fc00::1', 'private'],
      ['fd12:3456::1', 'private'],
      ['fec0::1', 'private'],
      ['ff02::1', 'multicast'],
      ['2001:db8::1', 'documentation'],
      ['3fff::1', 'documentation'],
      ['2001:4860:4860::8888', 'public'],
      ['2a00:1450::1', 'public'],
      ['64:ff9b::8.8.8.8', 'public'],
      ['64:ff9b::10.0.0.1', 'private'],
      ['64:ff9b:1::1', 'private'],
      ['100::1', 'reserved'],
      ['::192.0.2.1', 'reserved'],
      ['4000::1', 'reserved'],
      ['2001:2::1', 'reserved'],
    ])('classifies %s as %s', (text, scope) => {
      expect(classify(parseIp(text)!).scope).toBe(scope);
    });

    it('classifies a subnet by the special range that contains all of it', () => {
      const scopeOf = (s: string) => {
        const subnet = parseSubnet(s)!;
        return classify(subnet.address, subnet.prefix).scope;
      };
      expect(scopeOf('10.1.0.0/16')).toBe('private');
      expect(scopeOf('10.0.0.0/8')).toBe('private');
      expect(scopeOf('10.0.0.0/7')).toBe('public');
      expect(scopeOf('198.51.100.0/24')).toBe('documentation');
      expect(scopeOf('198.51.100.0/23')).toBe('public');
      expect(scopeOf('0.0.0.0/0')).toBe('public');
      expect(scopeOf('::/0')).toBe('public');
      expect(scopeOf('fd00::/8')).toBe('private');
      expect(scopeOf('2001:db8:85a3:8d3::/64')).toBe('documentation');
      expect(scopeOf('4000::/2')).toBe('reserved');
      expect(scopeOf('::ffff:10.0.0.0/104')).toBe('private');
      expect(classify(parseIp('10.0.0.1')!).kind).toBe('the private-use range 10.0.0.0/8 (RFC 1918)');
    });

    it('knows the cloud metadata addresses', () => {
      for (const s of ['169.254.169.254', 'fd00:ec2::254', '100.100.100.200', '::ffff:169.254.169.254', 'FD00:EC2:0::254']) {
        expect(isMetadataAddress(parseIp(s)!), s).toBe(true);
      }
      expect(isMetadataAddress(parseIp('169.254.169.253')!)).toBe(false);
    });
  });

  describe('diagnoseAddress', () => {
    it('explains every rejected string without throwing', () => {
      fc.assert(
        fc.property(candidates, fc.constantFrom(4 as const, 6 as const, undefined), (s, family) => {
          const valid = family === 4 ? parseIpv4(s) : family === 6 ? parseIpv6(s) : parseIp(s);
          fc.pre(valid === undefined);
          const problem = diagnoseAddress(s, family);
          expect(['notIpv4', 'notIpv6', 'notIpAddress', 'leadingZeros', 'wrongFamily', 'zoneId']).toContain(problem.kind);
          if (problem.kind === 'notIpv4' || problem.kind === 'notIpv6') expect(problem.reason).toMatch(/^\S/);
          if (problem.kind === 'wrongFamily') expect(problem.actual).not.toBe(family);
        }),
        RUNS,
      );
    }, SLOW);

    it.each([
      ['01.2.3.4', 4, { kind: 'leadingZeros', octet: '01' }],
      ['192.168.001.1', 4, { kind: 'leadingZeros', octet: '001' }],
      ['2001:db8::1', 4, { kind: 'wrongFamily', actual: 6 }],
      ['1.2.3.4', 6, { kind: 'wrongFamily', actual: 4 }],
      ['fe80::1%eth0', 6, { kind: 'zoneId', zone: 'eth0' }],
      ['::ffff:01.2.3.4', 6, { kind: 'leadingZeros', octet: '01' }],
      ['::::', 6, { kind: 'notIpv6', reason: 'it is only colons' }],
      [':::', 6, { kind: 'notIpv6', reason: 'it is only colons' }],
      ['1::2::3', 6, { kind: 'notIpv6', reason: "'::' may appear only once" }],
      ['12345::', 6, { kind: 'notIpv6', reason: "the group '12345' has more than four hexadecimal digits" }],
      ['2001:db8:g::1', 6, { kind: 'notIpv6', reason: "it contains 'g', which is not a hexadecimal digit, ':' or '.'" }],
      ['1:2:3:4:5:6:7', 6, { kind: 'notIpv6', reason: "it has 7 groups; without '::' an IPv6 address has eight" }],
      ['256.1.1.1', 4, { kind: 'notIpv4', reason: "'256' is above 255" }],
      ['127.1', 4, { kind: 'notIpv4' }],
      ['0x7f.0.0.1', 4, { kind: 'notIpv4', reason: 'it uses a hexadecimal or other non-standard notation that parsers read differently' }],
      ['1.2.3.4 ', 4, { kind: 'notIpv4', reason: 'it contains " ", which is not a digit or a dot' }],
      ['', 4, { kind: 'notIpv4', reason: 'it is empty' }],
      ['example.com', undefined, { kind: 'notIpAddress' }],
      ['1.2.3.256', undefined, { kind: 'notIpv4', reason: "'256' is above 255" }],
      ['2001::db8::1', undefined, { kind: 'notIpv6', reason: "'::' may appear only once" }],
    ] as const)('diagnoses %j (expected IPv%s)', (s, family, problem) => {
      expect(diagnoseAddress(s, family)).toMatchObject(problem);
    });
  });

  describe('message helpers', () => {
    it('shows values printable and bounded', () => {
      expect(printable('1.2.3.4')).toBe('1.2.3.4');
      expect(printable('1.2.3.4\n')).toBe('1.2.3.4\\n');
      expect(printable('x'.repeat(200))).toHaveLength(80);
    });

    it('counts code points as JSON Schema maxLength does', () => {
      expect(codePointLength('abc')).toBe(3);
      expect(codePointLength('😀😀')).toBe(2);
      expect(codePointLength('\ud800x')).toBe(2);
    });
  });
});
