// The migration's patch applied to YAML documents (src/cli/migrate-yaml.ts): comments, anchors and
// the lines no edit touches stay as written; copies an edit reaches are written out; documents that
// do not change keep every byte. Properties over migrations of generated bodies of every dialect:
// the text reads back as exactly the migrated bodies, lines of members the migration leaves alone
// keep their bytes (trailing comments included), and a document that does not change is untouched.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { patchYamlText } from '../../src/cli/migrate-yaml.js';
import { dialectIds, migrate, type DialectId, type MigrateResult, type PatchOperation } from '../../src/index.js';
import { parseSource } from '../../src/parse/index.js';
import { judged, validBodies } from '../migrate/bodies.js';

/** The values of a YAML text's bodies, as the parse layer reads them. */
function bodiesOf(text: string): unknown[] {
  return parseSource(text, 'yaml').map((body) => {
    expect(body.problems).toEqual([]);
    return body.value;
  });
}

/** Migrates each body of a YAML text; the text patched, and the results. */
function migrated(text: string, from: DialectId, to: DialectId, printed = false): { text: string; results: MigrateResult[] } {
  const results = bodiesOf(text).map((body) => migrate(body, { from, to, validateOptions: judged }));
  const out = patchYamlText(text, results.map((r) => r.patch), text.includes('\r\n') ? '\r\n' : '\n', printed);
  expect(bodiesOf(out).map((b) => JSON.stringify(b))).toEqual(results.map((r) => JSON.stringify(r.body)));
  return { text: out, results };
}

describe('patchYamlText', () => {
  it('keeps comments, spacing and quoting of the lines no edit touches; a comment above a moved member goes with it', () => {
    const text = [
      '# Requests of the old API',
      'device:',
      '  phoneNumber: "+34600000001"   # the test SIM',
      'applicationServer:',
      "  ipv4Address: '198.51.100.0/24'",
      'qosProfile: QOS_E  # low latency',
      'webhook:',
      '  # where the notifications go',
      '  notificationUrl: https://application-server.example.com/notifications',
      '',
    ].join('\n');
    expect(migrated(text, 'qod-0.10', 'qod-0.11').text).toBe(
      [
        '# Requests of the old API',
        'device:',
        '  phoneNumber: "+34600000001"   # the test SIM',
        'applicationServer:',
        "  ipv4Address: '198.51.100.0/24'",
        'qosProfile: QOS_E  # low latency',
        'duration: 86400',
        '# where the notifications go',
        'sink: https://application-server.example.com/notifications',
        '',
      ].join('\n'),
    );
  });

  it('renames keys where they stand, in the document’s indentation and sequence style', () => {
    const text = ['ueId:', '    msisdn: "+34600000001"', 'asId:', '    ipv4addr: 198.51.100.10', 'qos: QOS_E', 'uePorts:', '    ports:', '    - 5060', ''].join('\n');
    expect(migrated(text, 'qod-0.8', 'qod-0.9').text).toBe(
      ['device:', '    phoneNumber: "+34600000001"', 'applicationServer:', '    ipv4Address: 198.51.100.10', 'qosProfile: QOS_E', 'devicePorts:', '    ports:', '    - 5060', ''].join('\n'),
    );
    // New sequences in a document that indents them.
    const indented = ['applicationServer:', '  ipv4Address: 198.51.100.10', 'devicePorts:', '  ports:', '    - 80', ''].join('\n');
    expect(migrated(indented, 'qod-1.1', 'qod-1.2').text).toBe(['applicationServer:', '  ipAddresses:', '    - 198.51.100.10', 'devicePorts:', '  ports:', '    - 80', ''].join('\n'));
  });

  it('keeps an alias whose anchored value every edit reached alike', () => {
    const text = ['devicePorts: &ports', '  ports: [0, 5060]', 'applicationServerPorts: *ports', 'duration: 60', ''].join('\n');
    expect(migrated(text, 'qod-1.1', 'qod-1.2').text).toBe(['devicePorts: &ports', '  ports: [5060]', 'applicationServerPorts: *ports', 'duration: 60', ''].join('\n'));
  });

  it('writes out the copy an alias stands for when only the anchored value changes', () => {
    // x-hook is carried to 0.11 (undeclared properties are); the webhook it copies is not.
    const text = ['webhook: &hook', '  notificationUrl: https://a.example.com/n', 'x-hook: *hook', 'duration: 60', ''].join('\n');
    expect(migrated(text, 'qod-0.10', 'qod-0.11').text).toBe(['x-hook:', '  notificationUrl: https://a.example.com/n', 'duration: 60', 'sink: https://a.example.com/n', ''].join('\n'));
  });

  it('writes out the members a merge key brings into a mapping that changes, in the order of its value; leaves other merges alone', () => {
    const text = [
      'x-defaults: &defaults',
      '  qosProfile: QOS_L',
      '  duration: 600',
      '<<: *defaults',
      'device: &device',
      '  phoneNumber: "+34600000001"',
      'x-device:',
      '  <<: *device',
      'applicationServer:',
      '  ipv4Address: 198.51.100.10',
      'duration: 60',
      '',
    ].join('\n');
    // To 1.1 only the server's address changes place... nothing: the merges stay.
    expect(migrated(text, 'qod-1.0', 'qod-1.1').text).toBe(text);
    // To 1.2 the undeclared x-defaults and x-device go, and with them what the merges copied.
    expect(migrated(text, 'qod-1.1', 'qod-1.2').text).toBe(
      ['qosProfile: QOS_L', 'duration: 60', 'device:', '  phoneNumber: "+34600000001"', 'applicationServer:', '  ipAddresses:', '    - 198.51.100.10', ''].join('\n'),
    );
  });

  it('leaves documents that do not change byte for byte, skipping empty ones in the numbering', () => {
    const unchanged = '---\n# already 1.2\napplicationServer: {ipAddresses: [198.51.100.10]}\nqosProfile:   QOS_E\n';
    const text = `applicationServer:\n  ipv4Address: 198.51.100.10\n---\n${unchanged}---\napplicationServer:\n  ipv6Address: 2001:db8::1\n`;
    const results = bodiesOf(text).map((body, i) => migrate(body, { from: i === 1 ? 'qod-1.2' : 'qod-1.1', to: 'qod-1.2' }));
    expect(results.map((r) => r.patch.length > 0)).toEqual([true, false, true]);
    const out = patchYamlText(text, results.map((r) => r.patch), '\n');
    expect(out).toBe(`applicationServer:\n  ipAddresses:\n    - 198.51.100.10\n---\n${unchanged}---\napplicationServer:\n  ipAddresses:\n    - 2001:db8::1\n`);
  });

  it('writes new lines with the file’s line break (CRLF)', () => {
    const text = 'device:\r\n  phoneNumber: "+34600000001"\r\nwebhook:\r\n  notificationUrl: https://a.example.com/n\r\n';
    expect(migrated(text, 'qod-0.10', 'qod-0.11').text.replace(/\r\n/g, '⏎')).toBe('device:⏎  phoneNumber: "+34600000001"⏎duration: 86400⏎sink: https://a.example.com/n⏎');
  });

  it('writes a document as yaml’s printer does when an edit sits on a line it lays out differently (values and comments kept)', () => {
    const text = 'ueId: # the device\n  msisdn: "+34600000001"\nqos: QOS_E\n';
    expect(migrated(text, 'qod-0.8', 'qod-0.9').text).toBe('device:\n  # the device\n  phoneNumber: "+34600000001"\nqosProfile: QOS_E\n');
    // Asked for the printer's layout, every changed document gets it.
    expect(migrated('a:   1\nqos: QOS_E\n', 'qod-0.8', 'qod-0.9', true).text).toBe('a: 1\nqosProfile: QOS_E\n');
  });

  it('throws when an operation names nothing in its document', () => {
    const bad: PatchOperation[] = [{ op: 'remove', path: '/nothing' }];
    expect(() => patchYamlText('a: 1\n', [bad], '\n')).toThrow(/nothing at \/nothing/);
  });
});

// #region Properties

type Json = Record<string, unknown>;

const migrations = fc
  .constantFrom(...dialectIds)
  .chain((from) => fc.tuple(fc.constant(from), validBodies(from), fc.constantFrom(...dialectIds)))
  .map(([from, body, to]) => ({ from, to, body, result: migrate(body, { from, to, validateOptions: judged }) }));

/** The text with a trailing comment on each top-level member whose value is a scalar. */
function commented(body: Json): string {
  return `# ${Object.keys(body).length} members\n${stringify(body)
    .split('\n')
    .map((line) => (/^[A-Za-z_-]+: \S/.test(line) ? `${line}   # ${line.slice(0, line.indexOf(':'))}` : line))
    .join('\n')}`;
}

describe('patchYamlText: properties over migrations of generated bodies of every dialect to every other', { timeout: 120_000 }, () => {
  it('reads back as exactly the migrated body; the lines of top-level members the migration leaves alone keep their bytes and comments', () => {
    fc.assert(
      fc.property(migrations, ({ body, result }) => {
        const text = commented(body);
        const out = patchYamlText(text, [result.patch], '\n');
        expect(bodiesOf(out).map((b) => JSON.stringify(b))).toEqual([JSON.stringify(result.body)]);
        expect(out.split('\n')[0]).toBe(text.split('\n')[0]);
        const after = result.body as Json;
        for (const line of text.split('\n')) {
          const key = /^([A-Za-z_-]+): \S.*# \1$/.exec(line)?.[1];
          if (key !== undefined && JSON.stringify(after[key]) === JSON.stringify(body[key])) expect(out.split('\n'), `${line} is kept`).toContain(line);
        }
      }),
      { numRuns: 150, seed: 31 },
    );
  });

  it('leaves every byte of a document that does not change, before and after one that does', () => {
    fc.assert(
      fc.property(migrations, validBodies('qod-1.2'), ({ body, result }, other) => {
        const still = `# unchanged\n${stringify(other).replace(/: /g, ':  ')}`;
        const text = `${still}---\n${stringify(body)}---\n${still}`;
        const out = patchYamlText(text, [[], result.patch, []], '\n');
        expect(out.startsWith(`${still}---\n`)).toBe(true);
        expect(out.endsWith(`---\n${still}`)).toBe(true);
        expect(bodiesOf(out).map((b) => JSON.stringify(b))).toEqual([other, result.body, other].map((b) => JSON.stringify(b)));
      }),
      { numRuns: 100, seed: 32 },
    );
  });
});

// #endregion
