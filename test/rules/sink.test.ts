import { fullFormats } from 'ajv-formats/dist/formats.js';
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
    { name: 'a single-label name', body: body('https://intranet/cb'), errors: [{ messageId: 'nonPublicHost', path: '/sink', data: { host: 'intranet' } }] },
    {
      name: 'the cloud metadata address',
      body: body('https://169.254.169.254/latest/meta-data/'),
      errors: [{ messageId: 'metadataHost', path: '/sink', severity: 'warn', code: 'INVALID_SINK', data: { host: '169.254.169.254', scope: 'metadata' } }],
    },
    { name: 'the AWS IPv6 metadata address', body: body('https://[fd00:ec2::254]/'), errors: [{ messageId: 'metadataHost', path: '/sink' }] },
    { name: 'the Alibaba metadata address', body: body('https://100.100.100.200/latest/'), errors: [{ messageId: 'metadataHost', path: '/sink' }] },
    {
      name: 'a metadata host name over http: two problems',
      body: body('http://metadata.google.internal/computeMetadata/v1/'),
      errors: [
        { messageId: 'metadataHost', path: '/sink', severity: 'warn' },
        { messageId: 'notHttps', path: '/sink', severity: 'error' },
      ],
    },
    { name: 'a bare metadata name', body: body('https://metadata/computeMetadata/v1/'), errors: [{ messageId: 'metadataHost', path: '/sink' }] },
    {
      name: 'SDK: plain http is a warning only',
      body: sdk('http://example.com/notify'),
      options: SDK,
      errors: [{ messageId: 'plainHttp', path: '/webhook/notification_url', severity: 'warn', code: 'INVALID_SINK' }],
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
      errors: [{ messageId: 'notUri', path: '/webhook/notification_url', code: 'INVALID_SINK' }],
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
  const { isPlainHttpsUrl, judgeHost } = _internals;
  const ajvUri = fullFormats.uri as (s: string) => boolean;
  const uriChars = "abcAZ09-._~!$&'()*+,;=:@/?#%[]\\ \"<>^`{|}é".split('');

  /** URI-like strings: valid URLs, edits of them, and strings over the URI alphabet. */
  const uriLike = fc.oneof(
    fc.webUrl({ withQueryParameters: true, withFragments: true }),
    fc.webUrl({ validSchemes: ['https', 'ftp', 'urn', 'mailto', 'a+b-c.d'], withQueryParameters: true, withFragments: true }),
    fc.tuple(fc.webUrl(), fc.nat(), fc.constantFrom(...uriChars)).map(([u, at, c]) => {
      const i = at % (u.length + 1);
      return u.slice(0, i) + c + u.slice(i);
    }),
    fc.tuple(fc.constantFrom('https:', 'http:', 'x:', 'https://', 'https:///', 'https://[', 'https://[::1]', 'https://[v1.x]', 'https://u@', '1https:', ':'), fc.string({ unit: fc.constantFrom(...uriChars), maxLength: 12 })).map(([a, b]) => a + b),
    fc.string({ unit: fc.constantFrom(...uriChars), maxLength: 20 }),
    fc.string({ maxLength: 20 }),
  );

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
      fc.property(authority, fc.constantFrom('', '/', '/x?y#z', '?q', '#f'), (a, rest) => {
        const url = `https://${a}${rest}`;
        fc.pre(absoluteUriSchemeEnd(url) === 5);
        if (!isPlainHttpsUrl(url)) return;
        const parsed = new URL(url);
        expect(`${parsed.hostname}${parsed.port === '' ? '' : `:${parsed.port}`}`).toBe(a.replace(/:(0*443)?$/, ''));
        expect(parsed.username + parsed.password).toBe('');
        expect(judgeHost(parsed.hostname)).toBeUndefined();
      }),
      { numRuns: 20000 },
    );
  }, 30_000);
});
