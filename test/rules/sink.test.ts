import { ajvUri, uriLike } from '../helpers/uri-like.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/index.js';
import { _internals } from '../../src/rules/sink.js';
import { absoluteUriSchemeEnd } from '../../src/rules/utils/uri.js';
import { ruleTester } from '../helpers/rule-tester.js';

const base = { applicationServer: { ipv4Address: '198.51.100.0/24' }, qosProfile: 'QOS_E', duration: 3600 };
const body = (sink: string) => ({ ...base, sink });
const sdk = (url: string) => ({ device: { phone_number: '+34600000000' }, qos_profile: 'QOS_VC', webhook: { notification_url: url } });
const SDK = { dialect: 'qod-sdk' as const };

ruleTester('sink', {
  valid: [
    { name: "CAMARA's example sink", body: body('https://application-server.com/notifications') },
    { name: 'a port, query and fragment', body: body('https://endpoint.example.com:8443/sink?x=1&y=%20#frag') },
    { name: 'an upper-case host', body: body('https://Endpoint.Example.COM/sink') },
    { name: 'an internationalised (punycode) host', body: body('https://xn--bcher-kva.example/sink') },
    { name: 'a documentation IPv4 host', body: body('https://203.0.113.5/cb') },
    { name: 'a documentation IPv6 host', body: body('https://[2001:db8::1]:8443/cb') },
    { name: 'a public IPv4 host', body: body('https://84.125.93.10/cb') },
    { name: 'no sink at all', body: base },
    { name: 'a sink over the maximum length (the schema reports maxLength)', body: body(`https://example.com/${'a'.repeat(3000)}`) },
    { name: 'a bad sink over the maximum length: the schema reports maxLength alone', body: body(`http://localhost/${'a'.repeat(3000)}`) },
    { name: 'an empty user name is no credential', body: body('https://@example.com/cb') },
    { name: 'SDK: an https notification URL', body: sdk('https://example.com/notify'), options: SDK },
    { name: 'SDK: an upper-case scheme (no case-sensitive pattern there)', body: sdk('HTTPS://example.com/notify'), options: SDK },
    { name: 'the rule turned off', body: body('http://localhost/'), options: { rules: { sink: 'off' } } },
  ],
  invalid: [
    {
      name: 'a string that is not a URI',
      body: body('not a url'),
      errors: [{ messageId: 'notUri', path: '/sink', severity: 'error', status: 400, code: 'INVALID_SINK', data: { reason: 'it contains whitespace' } }],
    },
    {
      name: 'a URL without a scheme',
      body: body('endpoint.example.com/sink'),
      errors: [{ messageId: 'notUri', path: '/sink', data: { reason: "it does not start with a scheme such as 'https:'" } }],
    },
    {
      name: 'a broken percent-encoding',
      body: body('https://example.com/a%zz'),
      errors: [{ messageId: 'notUri', path: '/sink', data: { reason: "it has a '%' that is not followed by two hexadecimal digits" } }],
    },
    {
      name: 'non-ASCII characters',
      body: body('https://bücher.example/'),
      errors: [{ messageId: 'notUri', path: '/sink', message: "non-ASCII character 'ü'" }],
    },
    {
      name: 'plain http where https is required',
      body: body('http://application-server.com/notifications'),
      errors: [{ messageId: 'notHttps', path: '/sink', severity: 'error', status: 400, code: 'INVALID_SINK', data: { scheme: 'http', allowed: 'https' } }],
    },
    {
      name: 'another scheme where https is required',
      body: body('ftp://files.example.com/x'),
      errors: [{ messageId: 'notHttps', path: '/sink', data: { scheme: 'ftp' } }],
    },
    {
      name: 'an upper-case HTTPS scheme, which the 1.2 pattern rejects',
      body: body('HTTPS://application-server.com/notifications'),
      errors: [{ messageId: 'schemeCase', path: '/sink', severity: 'error', code: 'INVALID_SINK', data: { scheme: 'HTTPS' }, message: 'case-sensitive' }],
    },
    {
      name: 'https without an authority',
      body: body('https:application-server.com'),
      errors: [{ messageId: 'missingHost', path: '/sink', severity: 'error', data: { scheme: 'https' } }],
    },
    { name: 'https:// and nothing else', body: body('https://'), errors: [{ messageId: 'missingHost', path: '/sink' }] },
    { name: 'an empty authority before the path', body: body('https:///notifications'), errors: [{ messageId: 'missingHost', path: '/sink' }] },
    { name: 'user info but no host', body: body('https://user@/x'), errors: [{ messageId: 'missingHost', path: '/sink' }] },
    { name: 'an empty user info and no host', body: body('https://@/x'), errors: [{ messageId: 'missingHost', path: '/sink' }] },
    { name: 'a port but no host', body: body('https://:8443/x'), errors: [{ messageId: 'missingHost', path: '/sink' }] },
    { name: 'user info and a port but no host', body: body('https://user@:8443/x'), errors: [{ messageId: 'missingHost', path: '/sink' }] },
    { name: 'an empty authority before the query', body: body('https://?q=1'), errors: [{ messageId: 'missingHost', path: '/sink' }] },
    { name: 'an empty authority before the fragment', body: body('https://#f'), errors: [{ messageId: 'missingHost', path: '/sink' }] },
    { name: 'one slash: a path, no authority', body: body('https:/example.com/x'), errors: [{ messageId: 'missingHost', path: '/sink' }] },
    {
      name: 'a sink exactly at the maximum length is checked',
      body: body(`http://localhost/${'a'.repeat(2048 - 17)}`),
      errors: [
        { messageId: 'nonPublicHost', path: '/sink' },
        { messageId: 'notHttps', path: '/sink' },
      ],
    },
    {
      name: 'a sink longer than the maximum in UTF-16 units but not in code points is checked',
      body: body(`https://example.com/${'😀'.repeat(1100)}`),
      errors: [{ messageId: 'notUri', path: '/sink', data: { reason: "it contains the non-ASCII character '😀' (percent-encode it)" } }],
    },
    {
      name: 'a user name alone is a credential',
      body: body('https://user@example.com/cb'),
      errors: [{ messageId: 'credentials', path: '/sink', data: { value: 'https://***@example.com/cb' } }],
    },
    {
      name: 'a password alone is a credential',
      body: body('https://:s3cret@example.com/cb'),
      errors: [{ messageId: 'credentials', path: '/sink', data: { value: 'https://***@example.com/cb' } }],
    },
    { name: 'a port above 65535', body: body('https://example.com:99999/'), errors: [{ messageId: 'unusableUrl', path: '/sink', severity: 'error' }] },
    { name: 'a numeric host that is no IPv4 address', body: body('https://999.1.1.1/'), errors: [{ messageId: 'unusableUrl', path: '/sink' }] },
    {
      name: 'credentials in the URL, masked in the message',
      body: body('https://user:s3cret@example.com/cb'),
      errors: [{ messageId: 'credentials', path: '/sink', severity: 'warn', code: 'INVALID_SINK', data: { value: 'https://***@example.com/cb' } }],
    },
    {
      name: 'credentials in a string that is not a URI are masked too',
      body: body('https://user:s3cret@example.com/a b'),
      errors: [{ messageId: 'notUri', path: '/sink', data: { value: 'https://***@example.com/a b' } }],
    },
    {
      name: 'localhost',
      body: body('https://localhost:8443/cb'),
      errors: [{ messageId: 'nonPublicHost', path: '/sink', severity: 'warn', status: 400, code: 'INVALID_SINK', data: { host: 'localhost', scope: 'loopback' } }],
    },
    { name: 'a name under .localhost', body: body('https://app.localhost/cb'), errors: [{ messageId: 'nonPublicHost', path: '/sink', data: { scope: 'loopback' } }] },
    { name: 'a loopback IPv4 host', body: body('https://127.0.0.1/cb'), errors: [{ messageId: 'nonPublicHost', path: '/sink', data: { host: '127.0.0.1', scope: 'loopback' } }] },
    { name: 'loopback written as one decimal number', body: body('https://2130706433/cb'), errors: [{ messageId: 'nonPublicHost', path: '/sink', data: { host: '127.0.0.1' } }] },
    { name: 'loopback written in hexadecimal shorthand', body: body('https://0x7f.1/cb'), errors: [{ messageId: 'nonPublicHost', path: '/sink', data: { host: '127.0.0.1' } }] },
    { name: 'a percent-encoded loopback host', body: body('https://%31%32%37.0.0.1/cb'), errors: [{ messageId: 'nonPublicHost', path: '/sink', data: { host: '127.0.0.1' } }] },
    { name: 'the IPv6 loopback', body: body('https://[::1]/cb'), errors: [{ messageId: 'nonPublicHost', path: '/sink', data: { host: '[::1]', scope: 'loopback' } }] },
    { name: 'an IPv4-mapped private address', body: body('https://[::ffff:192.168.0.1]/cb'), errors: [{ messageId: 'nonPublicHost', path: '/sink', data: { scope: 'private' } }] },
    { name: 'a private IPv4 host', body: body('https://10.1.2.3/cb'), errors: [{ messageId: 'nonPublicHost', path: '/sink', data: { scope: 'private' }, message: 'private-use range 10.0.0.0/8' }] },
    { name: 'a link-local IPv6 host', body: body('https://[fe80::1]/cb'), errors: [{ messageId: 'nonPublicHost', path: '/sink', data: { scope: 'linkLocal' } }] },
    { name: 'the unspecified address', body: body('https://0.0.0.0/cb'), errors: [{ messageId: 'nonPublicHost', path: '/sink', data: { scope: 'unspecified' } }] },
    { name: 'a multicast DNS name', body: body('https://printer.local/cb'), errors: [{ messageId: 'nonPublicHost', path: '/sink', data: { scope: 'private' } }] },
    {
      name: 'a single-label name',
      body: body('https://intranet/cb'),
      errors: [{ messageId: 'nonPublicHost', path: '/sink', data: { host: 'intranet', scope: 'private', kind: 'a single-label name, resolved only on the local network' } }],
    },
    { name: 'localhost with a trailing dot', body: body('https://localhost./cb'), errors: [{ messageId: 'nonPublicHost', path: '/sink', data: { scope: 'loopback', kind: 'a loopback name (RFC 6761)' } }] },
    {
      name: 'the cloud metadata address',
      body: body('https://169.254.169.254/latest/meta-data/'),
      errors: [{ messageId: 'metadataHost', path: '/sink', severity: 'warn', code: 'INVALID_SINK', data: { host: '169.254.169.254', scope: 'metadata' } }],
    },
    { name: 'the AWS IPv6 metadata address', body: body('https://[fd00:ec2::254]/'), errors: [{ messageId: 'metadataHost', path: '/sink' }] },
    {
      name: 'the Alibaba metadata address',
      body: body('https://100.100.100.200/latest/'),
      errors: [{ messageId: 'metadataHost', path: '/sink', data: { scope: 'metadata', kind: 'a cloud instance-metadata address' }, message: "points at the host '100.100.100.200', a cloud instance-metadata address:" }],
    },
    {
      name: 'a metadata host name over http: two problems',
      body: body('http://metadata.google.internal/computeMetadata/v1/'),
      errors: [
        { messageId: 'metadataHost', path: '/sink', severity: 'warn' },
        { messageId: 'notHttps', path: '/sink', severity: 'error' },
      ],
    },
    {
      name: 'a bare metadata name',
      body: body('https://metadata/computeMetadata/v1/'),
      errors: [{ messageId: 'metadataHost', path: '/sink', data: { scope: 'metadata', kind: 'a cloud instance-metadata name' } }],
    },
    {
      name: 'SDK: a scheme as long as http is not http',
      body: sdk('ftps://files.example.com/x'),
      options: SDK,
      errors: [{ messageId: 'notHttps', path: '/webhook/notification_url', data: { scheme: 'ftps', allowed: 'https (or http)' } }],
    },
    {
      name: 'SDK: a scheme as long as https is not https',
      body: sdk('httpx://files.example.com/x'),
      options: SDK,
      errors: [{ messageId: 'notHttps', path: '/webhook/notification_url', data: { scheme: 'httpx' } }],
    },
    {
      name: 'SDK: plain http is a warning only',
      body: sdk('http://example.com/notify'),
      options: SDK,
      errors: [{ messageId: 'plainHttp', path: '/webhook/notification_url', severity: 'warn', status: 400, code: 'INVALID_ARGUMENT' }],
    },
    {
      name: 'SDK: a scheme that is not http at all',
      body: sdk('mailto:ops@example.com'),
      options: SDK,
      errors: [{ messageId: 'notHttps', path: '/webhook/notification_url', severity: 'error', data: { scheme: 'mailto', allowed: 'https (or http)' } }],
    },
    {
      name: 'SDK: not a URI',
      body: sdk('example.com/notify'),
      options: SDK,
      // INVALID_SINK exists only from CAMARA 1.1; the SDK model answers as 0.10.
      errors: [{ messageId: 'notUri', path: '/webhook/notification_url', status: 400, code: 'INVALID_ARGUMENT' }],
    },
    {
      name: 'SDK: http to a private host: two warnings',
      body: sdk('http://192.168.1.20:8080/notify'),
      options: SDK,
      errors: [
        { messageId: 'nonPublicHost', path: '/webhook/notification_url', severity: 'warn' },
        { messageId: 'plainHttp', path: '/webhook/notification_url', severity: 'warn' },
      ],
    },
    {
      name: 'configured as a warning, the host findings become notes',
      body: body('https://localhost/'),
      options: { rules: { sink: 'warn' } },
      errors: [{ messageId: 'nonPublicHost', path: '/sink', severity: 'info' }],
    },
  ],
});

describe('sink: agreement with the schema', () => {
  const { hasPlainAuthority, judgeHost } = _internals;

  it("rejects exactly what the 1.2 schema's format and pattern reject (with the rule's own errors; the schema's when off)", () => {
    fc.assert(
      fc.property(uriLike, (s) => {
        const withRule = validate(body(s)).issues.filter((i) => i.ruleId === 'sink' && i.severity === 'error');
        const schemaOnly = validate(body(s), { rules: { sink: 'off' } }).issues.filter((i) => i.path === '/sink');
        const schemaWould = !ajvUri(s) || !/^https:\/\/.+$/.test(s);
        if (s.length > 2048) return;
        // The specification is the floor: with the rule off, the schema reports what it rejects.
        expect(schemaOnly.some((i) => i.ruleId === 'schema' && i.severity === 'error')).toBe(schemaWould);
        if (schemaWould) expect(withRule.length).toBeGreaterThan(0);
        else expect(withRule.map((i) => i.messageId).every((id) => id === 'missingHost' || id === 'unusableUrl')).toBe(true);
      }),
      { numRuns: 5000 },
    );
  }, 30_000);

  it('takes the fast path for exactly the plain DNS names and ports it documents', () => {
    // The fast path's promise, written independently: a lower-case DNS name of two or more labels
    // (no punycode label, a last label that is neither numeric nor one of the local or metadata
    // top labels, not a metadata name), then at most an empty or decimal port up to 65535.
    const SPECIAL_LAST = ['localhost', 'local', 'internal', 'arpa', 'localdomain', 'goog'];
    const METADATA_NAMES = ['metadata', 'metadata.google.internal', 'metadata.goog', 'instance-data', 'instance-data.ec2.internal', 'metadata.tencentyun.com'];
    function documented(url: string): boolean {
      const authority = /^https?:\/\/([^/?#]*)/.exec(url)![1]!;
      const colon = authority.indexOf(':');
      const host = colon < 0 ? authority : authority.slice(0, colon);
      const port = colon < 0 ? '' : authority.slice(colon + 1);
      const labels = host.split('.');
      const last = labels[labels.length - 1]!;
      return (
        /^[a-z0-9.-]+$/.test(host) &&
        labels.length >= 2 &&
        last !== '' &&
        !/^(\d+|0x[0-9a-f]*)$/.test(last) &&
        !labels.some((l) => l.startsWith('xn--')) &&
        !SPECIAL_LAST.includes(last) &&
        !METADATA_NAMES.includes(host) &&
        /^\d{0,5}$/.test(port) &&
        Number(port) <= 65535
      );
    }
    const label = fc.oneof(
      fc.string({ unit: fc.constantFrom(...'abcxyz0189-'.split('')), minLength: 0, maxLength: 6 }),
      fc.constantFrom('xn--bcher-kva', 'xn--zz', 'xn-', 'xn-a', 'xna-b', 'xn-b-c', 'x-n--', 'axn--', '0x7f', '0x', '0xg', '127', '0', 'A', 'a_b', 'localhost', 'local', 'internal', 'metadata', 'google', 'home', 'arpa', 'localdomain', 'goog', 'instance-data', 'ec2', 'tencentyun', 'com'),
    );
    const host = fc.array(label, { minLength: 1, maxLength: 4 }).map((labels) => labels.join('.'));
    const port = fc.constantFrom('', ':', ':0', ':443', ':65535', ':65536', ':99999', ':123456', ':0443', ':x', ':44a', ':443:1', ':443@evil.com');
    fc.assert(
      fc.property(fc.constantFrom('https://', 'http://'), fc.constantFrom('', 'user@', 'u:p@'), host, port, fc.constantFrom('', '/', '/x?y#z', '?q', '#f'), (scheme, user, h, p, rest) => {
        const url = `${scheme}${user}${h}${p}${rest}`;
        fc.pre(absoluteUriSchemeEnd(url) === scheme.length - 3);
        expect(hasPlainAuthority(url, scheme.length), url).toBe(documented(url));
      }),
      { numRuns: 20000 },
    );
  }, 30_000);

  it('takes the fast path only for hosts the URL parser leaves as they are and judges public', () => {
    const label = fc.oneof(
      fc.string({ unit: fc.constantFrom(...'abcxyz0189-'.split('')), minLength: 1, maxLength: 6 }),
      fc.constantFrom('xn--bcher-kva', 'xn--zz', '0x7f', '0x', '127', 'localhost', 'local', 'internal', 'metadata', 'google', 'home', 'arpa', 'localdomain', 'goog', 'instance-data', 'ec2'),
    );
    const host = fc.array(label, { minLength: 1, maxLength: 4 }).chain((labels) => fc.constantFrom(labels.join('.'), `${labels.join('.')}.`));
    const authority = fc
      .tuple(fc.constantFrom('', 'user@', 'u:p@'), host, fc.constantFrom('', ':', ':443', ':65535', ':65536', ':99999', ':0443', ':x', ':443@evil.com'))
      .map(([user, h, port]) => user + h + port);
    fc.assert(
      fc.property(fc.constantFrom('https', 'http'), authority, fc.constantFrom('', '/', '/x?y#z', '?q', '#f'), (scheme, a, rest) => {
        const url = `${scheme}://${a}${rest}`;
        fc.pre(absoluteUriSchemeEnd(url) === scheme.length);
        if (!hasPlainAuthority(url, scheme.length + 3)) return;
        const parsed = new URL(url);
        // The host unchanged; the port the same number (the parser drops leading zeros and the default).
        const colon = a.indexOf(':');
        const defaultPort = scheme === 'https' ? 443 : 80;
        const given = colon < 0 || colon === a.length - 1 ? defaultPort : Number(a.slice(colon + 1));
        expect(parsed.hostname).toBe(colon < 0 ? a : a.slice(0, colon));
        expect(parsed.port === '' ? defaultPort : Number(parsed.port)).toBe(given);
        expect(parsed.username + parsed.password).toBe('');
        expect(judgeHost(parsed.hostname)).toBeUndefined();
      }),
      { numRuns: 20000 },
    );
  }, 30_000);
});
