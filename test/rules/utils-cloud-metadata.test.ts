// The cloud-metadata host list (src/rules/utils/cloud-metadata.ts) checked against its authority,
// test/data/cloud-metadata-hosts.csv (each host with its provider's documentation), both ways:
// every documented host is recognised, in every spelling the sink rule meets it, and every host
// in the list is documented.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/index.js';
import { isMetadataAddress, isMetadataName, METADATA_ADDRESS_LIST, METADATA_NAME_LIST } from '../../src/rules/utils/cloud-metadata.js';
import { parseIp } from '../../src/rules/utils/ip/parse.js';
import { formatAddress } from '../../src/rules/utils/ip/format.js';

interface AuthorityRow {
  readonly provider: string;
  readonly host: string;
  readonly documentation: string;
  readonly note: string;
}

/** The authority file: '#' lines are comments; a field in double quotes may hold commas. */
function readAuthority(): AuthorityRow[] {
  const lines = readFileSync(join(import.meta.dirname, '..', 'data', 'cloud-metadata-hosts.csv'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'));
  expect(lines[0]).toBe('provider,host,documentation,note');
  return lines.slice(1).map((line) => {
    const fields = [...line.matchAll(/("([^"]*)"|[^,]*)(,|$)/g)].slice(0, 4).map((m) => m[2] ?? m[1]!);
    const [provider, host, documentation, note] = fields;
    return { provider: provider!, host: host!, documentation: documentation!, note: note ?? '' };
  });
}

const AUTHORITY = readAuthority();
const isAddress = (host: string) => parseIp(host) !== undefined;
/** A host as the list holds it: addresses in canonical text, names as they are. */
const canonical = (host: string) => (isAddress(host) ? formatAddress(parseIp(host)!) : host);

const sinkFindings = (url: string) =>
  validate({ applicationServer: { ipv4Address: '198.51.100.0/24' }, qosProfile: 'QOS_E', duration: 3600, sink: url }).issues.filter((i) => i.ruleId === 'sink');

describe('utils/cloud-metadata, against its documented authority', () => {
  it('reads the authority file: every row names a provider, a host and an https documentation page', () => {
    expect(AUTHORITY.length).toBeGreaterThanOrEqual(10);
    for (const row of AUTHORITY) {
      expect(row.provider, JSON.stringify(row)).not.toBe('');
      expect(row.host, JSON.stringify(row)).toMatch(/^[0-9a-z.:-]+$/);
      expect(row.documentation, JSON.stringify(row)).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]+\//);
    }
  });

  it.each(AUTHORITY.map((row) => [row.host, row.provider, row] as const))('recognises %s (%s)', (host) => {
    if (isAddress(host)) expect(isMetadataAddress(parseIp(host)!)).toBe(true);
    else expect(isMetadataName(host)).toBe(true);
  });

  it.each(AUTHORITY.map((row) => [row.host, row.provider] as const))('the sink rule reports %s (%s) as a metadata host, in any spelling', (host) => {
    const spellings = isAddress(host)
      ? host.includes(':')
        ? [`https://[${host}]/`, `https://[${host.toUpperCase()}]/`]
        : [`https://${host}/`, `https://[::ffff:${host}]/`]
      : [`https://${host}/`, `https://${host.toUpperCase()}./x`];
    for (const url of spellings) expect(sinkFindings(url).map((i) => i.messageId), url).toContain('metadataHost');
  });

  it('lists no host the authority does not document', () => {
    const documented = new Set(AUTHORITY.map((row) => canonical(row.host)));
    for (const host of [...METADATA_ADDRESS_LIST, ...METADATA_NAME_LIST]) expect(documented.has(canonical(host)), host).toBe(true);
  });

  it('does not take a neighbour of a metadata address for one', () => {
    for (const host of METADATA_ADDRESS_LIST) {
      const a = parseIp(host)!;
      const next = { ...a, w3: (a.w3 + 1) >>> 0 };
      expect(isMetadataAddress(next), formatAddress(next)).toBe(false);
    }
    expect(isMetadataName('metadata.google.internal.example.com')).toBe(false);
    expect(isMetadataName('Metadata.google.internal')).toBe(false); // the URL parser lower-cases first
  });
});
