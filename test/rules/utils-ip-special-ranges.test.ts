// The special-purpose address table (src/rules/utils/ip/special-ranges.ts) checked against its
// authority, the IANA IPv4 and IPv6 Special-Purpose Address Registries (copies in test/data/),
// not against itself:
// - the first, a middle and the last address of every registry block, and the block as a subnet,
//   classify as the registry says: public exactly when its Globally Reachable flag is True, and
//   otherwise into the scope its name gives (loopback, link-local, private, documentation,
//   unspecified; reserved for the rest). The most specific block holding an address decides
//   (192.0.0.9/32 inside 192.0.0.0/24); a block whose flag is N/A or empty claims nothing;
// - every row of our table is a registry block with the same RFC, or one of ADDITIONS below;
// - addresses outside every registry block and addition are public (IPv6: inside 2000::/3).
// Where we read the registry differently on purpose, DEVIATIONS says so and why.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { parseIp, parseSubnet } from '../../src/rules/utils/ip/parse.js';
import { classify, specialRangeTable, type IpScope } from '../../src/rules/utils/ip/special-ranges.js';

// #region The registries as data

interface Block {
  readonly cidr: string;
  readonly family: 4 | 6;
  readonly first: bigint;
  readonly last: bigint;
  /** Prefix length in the family's own bits. */
  readonly prefix: number;
}

interface RegistryRow extends Block {
  readonly name: string;
  readonly rfc: string;
  /** 'True', 'False', 'N/A' or '' (the registry gives no value). */
  readonly globallyReachable: string;
}

/** Fields of one CSV line ("" inside quotes is a quote). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}

const BITS = { 4: 32, 6: 128 } as const;

function valueOf(address: ipaddr.IPv4 | ipaddr.IPv6): bigint {
  const units = address.kind() === 'ipv4' ? (address as ipaddr.IPv4).octets : (address as ipaddr.IPv6).parts;
  const width = address.kind() === 'ipv4' ? 8n : 16n;
  return units.reduce((n, unit) => (n << width) | BigInt(unit), 0n);
}

function block(cidr: string): Block {
  const [address, prefix] = ipaddr.parseCIDR(cidr);
  const family = address.kind() === 'ipv4' ? 4 : 6;
  const hostBits = BigInt(BITS[family] - prefix);
  const first = (valueOf(address) >> hostBits) << hostBits;
  return { cidr, family, first, last: first + (1n << hostBits) - 1n, prefix };
}

function readRegistry(file: string): RegistryRow[] {
  const lines = readFileSync(join(import.meta.dirname, '..', 'data', file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'));
  const header = csvFields(lines[0]!);
  return lines.slice(1).map((line) => {
    const fields = csvFields(line);
    expect(fields, line).toHaveLength(header.length);
    const at = (name: string) => fields[header.indexOf(name)]!;
    return { ...block(at('address_block')), name: at('name'), rfc: at('rfc'), globallyReachable: at('globally_reachable') };
  });
}

const REGISTRY = { 4: readRegistry('iana-ipv4-special-registry.csv'), 6: readRegistry('iana-ipv6-special-registry.csv') };

function text(family: 4 | 6, value: bigint): string {
  if (family === 4) return [24n, 16n, 8n, 0n].map((shift) => (value >> shift) & 255n).join('.');
  return ipaddr.fromByteArray(Array.from({ length: 16 }, (_, i) => Number((value >> BigInt(8 * (15 - i))) & 255n))).toString();
}

const contains = (outer: Block, first: bigint, last: bigint) => outer.first <= first && last <= outer.last;

// #endregion

// #region What the registries say our classification must be

/**
 * Our table's rows that are not registry blocks: other IANA registries' ranges the address rules
 * must also keep out of public address space.
 */
const ADDITIONS: Record<string, { scope: IpScope; rfc: string; why: string }> = {
  '224.0.0.0/4': { scope: 'multicast', rfc: 'RFC 5771', why: 'IPv4 multicast: its own IANA registry, not a host address' },
  'fec0::/10': { scope: 'private', rfc: 'RFC 3879', why: 'deprecated site-local unicast (IANA IPv6 Address Space registry)' },
  'ff00::/8': { scope: 'multicast', rfc: 'RFC 4291', why: 'IPv6 multicast (IANA IPv6 Address Space registry)' },
};

/**
 * Where we read the registry differently on purpose:
 * - ::ffff:0:0/96 and 64:ff9b::/96 carry an IPv4 address in their last 32 bits: an IPv4-mapped
 *   address names that IPv4 host (RFC 4291), and a well-known NAT64 address stands for it
 *   (RFC 6052). They classify as the IPv4 address they carry (see EMBEDDED_IPV4);
 * - 64:ff9b:1::/48, local-use IPv4/IPv6 translation (RFC 8215), is used inside one operator's
 *   network: 'private' rather than 'reserved'.
 */
const DEVIATIONS: Record<string, IpScope> = { '64:ff9b:1::/48': 'private' };
const EMBEDDED_IPV4 = [block('::ffff:0:0/96'), block('64:ff9b::/96')];

/** The scope a registry block's name gives, for a block that is not globally reachable. */
function scopeByName(name: string): IpScope {
  if (/^(Private-Use|Shared Address Space|Unique-Local)$/.test(name)) return 'private';
  if (/^Loopback/.test(name)) return 'loopback';
  if (/^Link.Local/.test(name)) return 'linkLocal';
  if (/^Documentation/.test(name)) return 'documentation';
  if (/^("This network"|"This host on this network"|Unspecified Address)$/.test(name)) return 'unspecified';
  return 'reserved';
}

/** What a registry row claims for the addresses it governs; undefined when it claims nothing. */
function rowScope(row: RegistryRow): IpScope | undefined {
  if (Object.prototype.hasOwnProperty.call(DEVIATIONS, row.cidr)) return DEVIATIONS[row.cidr];
  if (row.globallyReachable === 'True') return 'public';
  if (row.globallyReachable === 'False') return scopeByName(row.name);
  return undefined;
}

/** Outside every registry block: the additions, then public (IPv6: only 2000::/3 is unicast). */
function scopeOutsideRegistry(family: 4 | 6, first: bigint, last: bigint): IpScope {
  for (const [cidr, addition] of Object.entries(ADDITIONS)) {
    const b = block(cidr);
    if (b.family === family && contains(b, first, last)) return addition.scope;
  }
  if (family === 4 || contains(block('2000::/3'), first, last)) return 'public';
  return 'reserved';
}

/**
 * The scope the registries give the range first..last (a single address when equal): that of the
 * most specific registry block holding all of it. 'unclaimed' when that block claims nothing.
 */
function expectedScope(family: 4 | 6, first: bigint, last: bigint): IpScope | 'unclaimed' {
  if (family === 6) {
    const carrier = EMBEDDED_IPV4.find((b) => contains(b, first, last));
    if (carrier !== undefined) return expectedScope(4, first & 0xffffffffn, last & 0xffffffffn);
  }
  let governing: RegistryRow | undefined;
  for (const row of REGISTRY[family]) if (contains(row, first, last) && (governing === undefined || row.prefix > governing.prefix)) governing = row;
  if (governing === undefined) return scopeOutsideRegistry(family, first, last);
  return rowScope(governing) ?? 'unclaimed';
}

function ourScope(family: 4 | 6, value: bigint): IpScope {
  return classify(parseIp(text(family, value))!).scope;
}

// #endregion

describe('utils/ip special ranges, against the IANA special-purpose registries', () => {
  const rows = [...REGISTRY[4], ...REGISTRY[6]];

  it('reads both registry copies', () => {
    expect(REGISTRY[4].length).toBeGreaterThanOrEqual(25);
    expect(REGISTRY[6].length).toBeGreaterThanOrEqual(25);
    for (const row of rows) expect(['True', 'False', 'N/A', ''], row.cidr).toContain(row.globallyReachable);
  });

  describe.each(rows.map((row) => [row.cidr, row.name, row] as const))('%s (%s)', (_cidr, _name, row) => {
    const middle = row.first + (row.last - row.first) / 2n;
    it.each([
      ['first', row.first],
      ['middle', middle],
      ['last', row.last],
    ])('its %s address classifies as the registry says', (_which, value) => {
      const expected = expectedScope(row.family, value, value);
      if (expected === 'unclaimed') return; // N/A or no flags: the registry claims nothing here
      expect(ourScope(row.family, value), text(row.family, value)).toBe(expected);
      // The IPv4-mapped spelling is the same address.
      if (row.family === 4) expect(ourScope(6, 0xffff00000000n | value)).toBe(expected);
    });

    it('the block as a subnet classifies as the registry says', () => {
      const expected = expectedScope(row.family, row.first, row.last);
      if (expected === 'unclaimed') return;
      const subnet = parseSubnet(`${text(row.family, row.first)}/${row.prefix}`)!;
      expect(classify(subnet.address, subnet.prefix).scope).toBe(expected);
    });
  });

  it('claims something for almost every block (a check that the expectations are not vacuous)', () => {
    const unclaimed = rows.filter((row) => expectedScope(row.family, row.first, row.last) === 'unclaimed').map((row) => row.cidr);
    expect(unclaimed.sort()).toEqual(['192.88.99.0/24', '2001:10::/28', '2001::/32', '2002::/16'].sort());
  });

  it('has in its table only registry blocks, with their RFC, and the listed additions', () => {
    for (const entry of specialRangeTable) {
      const b = block(entry.range);
      const row = REGISTRY[b.family].find((r) => r.first === b.first && r.last === b.last);
      if (row === undefined) {
        expect(ADDITIONS, `${entry.range} is neither a registry block nor a listed addition`).toHaveProperty([entry.range]);
        expect(entry.scope, entry.range).toBe(ADDITIONS[entry.range]!.scope);
        expect(entry.rfc, entry.range).toBe(ADDITIONS[entry.range]!.rfc);
        continue;
      }
      expect(row.rfc.replace(/ /g, ''), `${entry.range}: the registry cites ${row.rfc}`).toContain(entry.rfc.replace(/ /g, ''));
      const claimed = rowScope(row);
      if (claimed !== undefined) expect(entry.scope, entry.range).toBe(claimed);
    }
  });

  it('classifies every addition by its scope, first to last address', () => {
    for (const cidr of Object.keys(ADDITIONS)) {
      const b = block(cidr);
      for (const value of [b.first, b.first + (b.last - b.first) / 2n, b.last]) expect(ourScope(b.family, value), text(b.family, value)).toBe(ADDITIONS[cidr]!.scope);
    }
  });

  it('classifies random addresses as the registries say (outside every block: public, IPv6 only inside 2000::/3)', () => {
    const ipv4 = fc.nat({ max: 0xffffffff }).map((n) => [4, BigInt(n)] as const);
    const word = fc.nat({ max: 0xffffffff }).map(BigInt);
    const ipv6 = fc
      .tuple(fc.oneof(fc.integer({ min: 0x2000, max: 0x3fff }), fc.nat({ max: 0xffff })), fc.nat({ max: 0xffff }), word, word, word)
      .map(([g0, g1, w1, w2, w3]) => [6, (BigInt(g0) << 112n) | (BigInt(g1) << 96n) | (w1 << 64n) | (w2 << 32n) | w3] as const);
    fc.assert(
      fc.property(fc.oneof(ipv4, ipv6), ([family, value]) => {
        const expected = expectedScope(family, value, value);
        fc.pre(expected !== 'unclaimed');
        expect(ourScope(family, value), text(family, value)).toBe(expected);
      }),
      { numRuns: 20000 },
    );
  }, 30_000);
});
