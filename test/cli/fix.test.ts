// fixText and applyFixes, behind `lint --fix` and `--fix-dry-run`: fixes applied pass after pass
// (the ones that overlap or touch an applied one wait for the next), at most ten passes, never in a
// file with a body that does not parse. A property over generated JSON, NDJSON and YAML files
// (indentations, CRLF, a BOM, comments, scalar styles, flow and block lists): fixing is idempotent,
// the fixed text parses with the same bodies, no fixable finding is left, and every fixed value
// means what it meant (the same number, address, set of ports).

import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { applyFixes, fixText } from '../../src/cli/fix.js';
import { createSourceValidator } from '../../src/engine/validator.js';
import { defineRule } from '../../src/index.js';
import { parseSource, type SourceKind } from '../../src/parse/index.js';
import { builtinRules } from '../../src/rules/index.js';

const validator = createSourceValidator(builtinRules, { dialect: 'qod-1.2', rules: { 'ip-address': ['error', { canonicalIpv6: true }] } });

describe('applyFixes', () => {
  it('applies fixes in the order of the text, whatever their order in the list', () => {
    expect(applyFixes('abcdef', [{ range: [4, 5], text: 'E' }, { range: [0, 1], text: 'A' }])).toBe('AbcdEf');
  });

  it('leaves a fix that overlaps or touches an applied one for the next pass (as ESLint)', () => {
    expect(applyFixes('abcdef', [{ range: [0, 2], text: 'X' }, { range: [1, 3], text: 'Y' }])).toBe('Xcdef');
    expect(applyFixes('abcdef', [{ range: [0, 2], text: 'X' }, { range: [2, 3], text: 'Y' }])).toBe('Xcdef');
    expect(applyFixes('abcdef', [{ range: [0, 2], text: 'X' }, { range: [3, 4], text: 'Y' }])).toBe('XcYef');
  });

  it('ignores a range that is reversed or beyond the text', () => {
    expect(applyFixes('abc', [{ range: [2, 1], text: 'X' }, { range: [1, 9], text: 'Y' }])).toBe('abc');
  });
});

describe('fixText', () => {
  const body = (ports: number[], phone = '+34600000000') => JSON.stringify({ device: { phoneNumber: phone }, applicationServer: { ipv4Address: '198.51.100.0/24' }, devicePorts: { ports }, qosProfile: 'QOS_E', duration: 60 });

  it('fixes in passes until nothing is left: removals that touch wait for the next pass', () => {
    const fixed = fixText(body([80, 80, 80, 80, 443]), 'json', validator);
    expect(JSON.parse(fixed.text)).toEqual(JSON.parse(body([80, 443])));
    expect(fixed.reports.flatMap((r) => r.issues)).toEqual([]);
  });

  it('reports on the fixed text', () => {
    const fixed = fixText(body([80, 80], '+34 600 000 000'), 'json', validator);
    expect(fixed.reports).toHaveLength(1);
    expect(fixed.reports[0]!.valid).toBe(true);
    expect(fixed.bodies[0]!.value).toEqual(JSON.parse(body([80])));
  });

  it('never changes a file with a body that does not parse, whatever the other bodies hold', () => {
    const text = `${body([80, 80])}\n{"device": \n`;
    const fixed = fixText(text, 'ndjson', validator);
    expect(fixed.text).toBe(text);
    expect(fixed.reports[0]!.issues.map((i) => i.messageId)).toEqual(['duplicatePort']);
    expect(fixed.reports[1]!.issues.map((i) => i.messageId)).toEqual(['invalidJson']);
  });

  it('fixes the other bodies of a file where one has a key twice (which gets no fix)', () => {
    const twice = body([80, 80]).replace('"duration":60', '"duration":60,"duration":60');
    const fixed = fixText(`${twice}\n${body([1, 1])}\n`, 'ndjson', validator);
    expect(fixed.text).toBe(`${twice}\n${body([1])}\n`);
  });

  it('stops after ten passes (a fix that never settles)', () => {
    const growing = defineRule({
      meta: { docs: { description: 'Never satisfied.' }, messages: { more: 'More.' }, status: 400, code: 'INVALID_ARGUMENT' },
      check(model, ctx) {
        if (model.qosProfile) ctx.report({ messageId: 'more', path: model.qosProfile.path, fix: { replace: `${model.qosProfile.value}+` } });
      },
    });
    const restless = createSourceValidator(builtinRules, { plugins: [{ name: 'p', rules: { growing } }], rules: { 'p/growing': 'warn' } });
    expect(JSON.parse(fixText(body([1]), 'json', restless).text).qosProfile).toBe(`QOS_E${'+'.repeat(10)}`);
  });
});

// #region The property

interface Spelled {
  phone: string;
  publicAddress: string;
  ipv6: string;
  server: string;
  ports: number[];
}

const phones = fc.constantFrom('+34600000000', '+34 600 000 000', '+34-600-000-000', '+1 (202) 555-0100', '+1.202.555.0100', '+44 (0) 20 7946 0958', '+44 20 7946 0958', '34 600 000 000', '+49 (030) 123456');
const octet = fc.tuple(fc.integer({ min: 0, max: 255 }), fc.nat(2)).map(([value, zeros]) => `${'0'.repeat(zeros)}${value}`.slice(-Math.max(3, String(value).length)));
const ipv4 = fc.array(octet, { minLength: 4, maxLength: 4 }).map((octets) => octets.join('.'));
const ipv6 = fc
  .tuple(fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 0xffff })), { minLength: 8, maxLength: 8 }), fc.boolean(), fc.boolean(), fc.boolean())
  .map(([groups, upper, padded, compress]) => {
    let text = groups.map((g) => (padded ? g.toString(16).padStart(4, '0') : g.toString(16))).join(':');
    if (compress) text = ipaddr.IPv6.parse(text).toString();
    return upper ? text.toUpperCase() : text;
  });
const spelled: fc.Arbitrary<Spelled> = fc.record({
  phone: phones,
  publicAddress: ipv4,
  ipv6: fc.oneof(ipv6, fc.constantFrom('::FFFF:192.000.002.001', '64:FF9B::198.51.100.7', '::ffff:192.0.2.010')),
  server: ipv4.map((a) => `${a}/24`),
  ports: fc.array(fc.constantFrom(80, 443, 5060, 8080), { minLength: 1, maxLength: 6 }),
});

const valueOf = (s: Spelled) => ({
  device: { phoneNumber: s.phone, ipv4Address: { publicAddress: s.publicAddress, publicPort: 5000 }, ipv6Address: s.ipv6 },
  applicationServer: { ipv4Address: s.server },
  devicePorts: { ports: s.ports },
  qosProfile: 'QOS_E',
  duration: 3600,
});

/** How a generated file is written. */
interface Layout {
  indent: string;
  eol: '\n' | '\r\n';
  bom: boolean;
  /** YAML: each string's style (plain where it reads back, 'single', "double"), flow or block ports, comments. */
  style: readonly number[];
}

const layout: fc.Arbitrary<Layout> = fc.record({
  indent: fc.constantFrom('', '  ', '    ', '\t'),
  eol: fc.constantFrom('\n' as const, '\r\n' as const),
  bom: fc.boolean(),
  style: fc.array(fc.nat(5), { minLength: 12, maxLength: 12 }),
});

function yamlScalar(value: string, choice: number): string {
  if (choice % 3 === 0) {
    try {
      if (parseYaml(value) === value && !/[#:]\s|\s#|^\s|\s$/.test(value)) return value;
    } catch {
      // quoted below
    }
  }
  return choice % 3 === 1 ? `'${value.replace(/'/g, "''")}'` : JSON.stringify(value);
}

function yamlOf(s: Spelled, { eol, style }: Layout): string {
  const comment = (k: number) => (style[k]! === 5 ? '  # note' : '');
  const lines = [
    ...(style[0]! > 3 ? ['# a fixture'] : []),
    'device:',
    `  phoneNumber: ${yamlScalar(s.phone, style[1]!)}${comment(2)}`,
    '  ipv4Address:',
    `    publicAddress: ${yamlScalar(s.publicAddress, style[3]!)}`,
    '    publicPort: 5000',
    `  ipv6Address: ${yamlScalar(s.ipv6, style[4]!)}${comment(5)}`,
    'applicationServer:',
    `  ipv4Address: ${yamlScalar(s.server, style[6]!)}`,
    'devicePorts:',
    ...(style[7]! % 2 === 0
      ? [`  ports: [${s.ports.join(', ')}]`]
      : ['  ports:', ...s.ports.map((p, k) => `    - ${p}${style[(8 + k) % 12]! === 5 ? ' # port' : ''}`)]),
    ...(style[9]! > 3 ? ['  # between'] : []),
    'qosProfile: QOS_E',
    `duration: 3600${comment(10)}`,
  ];
  return lines.join(eol) + (style[11]! > 1 ? eol : '');
}

function fileOf(kind: SourceKind, bodies: readonly Spelled[], l: Layout): string {
  let text: string;
  if (kind === 'json') text = JSON.stringify(valueOf(bodies[0]!), null, l.indent).replace(/\n/g, l.eol) + l.eol;
  else if (kind === 'ndjson') text = bodies.map((b) => JSON.stringify(valueOf(b))).join(l.eol) + l.eol;
  else text = bodies.map((b) => yamlOf(b, l)).join(`${l.eol}---${l.eol}`);
  return (l.bom ? '\ufeff' : '') + text;
}

/** Whether a fixed value means what the written one did (or is the same). */
function sameMeaning(before: unknown, after: unknown, path: string): void {
  if (before === after) return;
  const digits = (s: string) => s.replace(/[^0-9]/g, '');
  if (path.endsWith('/phoneNumber')) {
    expect(after).toBe(`+${digits(before as string)}`);
  } else if (path.endsWith('/ports')) {
    // Repeats removed (not all of them where a comment on an item's line keeps it): the same set, in the same order.
    const written = before as number[];
    const fixed = after as number[];
    expect(new Set(fixed)).toEqual(new Set(written));
    let k = 0;
    for (const port of written) if (port === fixed[k]) k++;
    expect(k).toBe(fixed.length);
  } else if (typeof before === 'string' && typeof after === 'string' && /Address$/.test(path)) {
    const [address, prefix] = before.split('/');
    const [fixedAddress, fixedPrefix] = after.split('/');
    expect(fixedPrefix).toBe(prefix);
    // Decimal reading of the written text, and ipaddr.js' (which reads a leading zero as octal), both give the fixed address.
    const decimal = address!.replace(/(^|[.:])0+(?=\d)/g, '$1');
    expect(ipaddr.parse(fixedAddress!).toNormalizedString()).toBe(ipaddr.parse(decimal).toNormalizedString());
    if (!address!.includes(':')) expect(ipaddr.parse(address!).toString()).toBe(fixedAddress);
  } else if (typeof before === 'object' && before !== null && typeof after === 'object' && after !== null) {
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const key of Object.keys(before)) sameMeaning((before as Record<string, unknown>)[key], (after as Record<string, unknown>)[key], `${path}/${key}`);
  } else {
    expect(after).toEqual(before);
  }
}

describe('fixing generated files', () => {
  // (Each run lints a file two or three times over: more than vitest's default 5 s on a busy machine.)
  it('is idempotent, keeps the bodies parsing, leaves nothing fixable and changes no meaning (JSON, NDJSON, YAML)', { timeout: 120_000 }, () => {
    let changed = 0;
    fc.assert(
      fc.property(fc.constantFrom<SourceKind>('json', 'ndjson', 'yaml'), fc.array(spelled, { minLength: 1, maxLength: 3 }), layout, (kind, bodies, l) => {
        const text = fileOf(kind, bodies, l);
        const before = parseSource(text, kind);
        expect(before.every((b) => 'value' in b && b.problems.length === 0), text).toBe(true);
        const once = fixText(text, kind, validator);
        if (once.text !== text) changed++;
        // Parses, with the same bodies, no parse finding, nothing fixable left.
        const after = parseSource(once.text, kind);
        expect(after.length).toBe(before.length);
        expect(after.every((b) => 'value' in b && b.problems.length === 0)).toBe(true);
        expect(once.reports.flatMap((r) => r.issues.filter((i) => i.fix !== undefined))).toEqual([]);
        // Idempotent.
        expect(fixText(once.text, kind, validator).text).toBe(once.text);
        // Same meaning, and the BOM, line ends and comments are still there.
        after.forEach((b, i) => sameMeaning(before[i]!.value, b.value, ''));
        expect(once.text.startsWith('\ufeff')).toBe(l.bom);
        if (l.eol === '\r\n') expect(once.text.replace(/\r\n/g, '')).not.toMatch(/\n/);
        expect(once.text.match(/#[^\r\n]*/g)).toEqual(text.match(/#[^\r\n]*/g));
      }),
      { numRuns: 200 },
    );
    expect(changed).toBeGreaterThan(100);
  });
});

// #endregion
