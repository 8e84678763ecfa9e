import { describe, expect, it } from 'vitest';
import { ConfigError, createValidator } from '../../src/index.js';
import { ruleTester } from '../helpers/rule-tester.js';

const base = { qosProfile: 'QOS_E', duration: 3600 };
const subnets = (server: Record<string, string>) => ({ ...base, applicationServer: server });
const list = (...ipAddresses: string[]) => ({ ...base, applicationServer: { ipAddresses } });
const withDevice = (device: object) => ({ ...subnets({ ipv4Address: '198.51.100.0/24' }), device });
const sdk = (device: object, server?: object) => ({ device, qos_profile: 'QOS_VC', ...(server && { application_server: server }) });
const SDK = { dialect: 'qod-sdk' as const };

ruleTester('ip-address-scope', {
  valid: [
    { name: 'a public device address', body: withDevice({ ipv4Address: { publicAddress: '84.125.93.10', publicPort: 59765 } }) },
    { name: 'a private address behind NAT', body: withDevice({ ipv4Address: { publicAddress: '84.125.93.10', privateAddress: '192.168.1.10' } }) },
    { name: 'a carrier-grade NAT private address', body: withDevice({ ipv4Address: { publicAddress: '84.125.93.10', privateAddress: '100.64.12.7' } }) },
    { name: 'the same public and private address (no NAT)', body: withDevice({ ipv4Address: { publicAddress: '84.125.93.10', privateAddress: '84.125.93.10' } }) },
    { name: 'documentation ranges everywhere', body: { ...list('198.51.100.0', '203.0.113.9', '2001:db8:85a3:8d3:1319:8a2e:370:7344'), device: { ipv4Address: { publicAddress: '192.0.2.1', privateAddress: '192.0.2.2' }, ipv6Address: '2001:db8::1' } } },
    { name: 'documentation subnets', body: subnets({ ipv4Address: '198.51.100.0/24', ipv6Address: '2001:db8:85a3:8d3::/64' }) },
    { name: 'a public IPv6 device address', body: withDevice({ ipv6Address: '2a00:1450:4001:80b::200e' }) },
    { name: 'a wide subnet that only overlaps a private range', body: subnets({ ipv4Address: '8.0.0.0/6' }) },
    { name: 'a malformed address (ip-address reports it)', body: withDevice({ ipv4Address: { publicAddress: '10.0.0.256', privateAddress: 'x' }, ipv6Address: 'fe80::1::' }) },
    { name: 'a masked list entry (server-address-list reports it)', body: list('10.0.0.0/8') },
    { name: 'private servers allowed by option', body: subnets({ ipv4Address: '10.20.0.0/16', ipv6Address: 'fd00:1::/48' }), options: { rules: { 'ip-address-scope': ['warn', { allow: ['private'] }] } } },
    { name: 'SDK: public addresses', body: sdk({ ipv4_address: { public_address: '84.125.93.10', private_address: '10.0.0.7' } }, { ipv4_address: '198.51.100.0/24' }), options: SDK },
  ],
  invalid: [
    {
      name: 'a private device public address',
      body: withDevice({ ipv4Address: { publicAddress: '10.1.2.3', publicPort: 5000 } }),
      errors: [{ messageId: 'notPublic', path: '/device/ipv4Address/publicAddress', severity: 'warn', status: 400, code: 'INVALID_ARGUMENT', data: { scope: 'private', range: '10.0.0.0/8' }, message: 'private-use range 10.0.0.0/8 (RFC 1918)' }],
    },
    { name: 'a carrier-grade NAT public address', body: withDevice({ ipv4Address: { publicAddress: '100.64.0.1', publicPort: 5000 } }), errors: [{ messageId: 'notPublic', path: '/device/ipv4Address/publicAddress', data: { range: '100.64.0.0/10' } }] },
    { name: 'a loopback device IPv6 address', body: withDevice({ ipv6Address: '::1' }), errors: [{ messageId: 'notPublic', path: '/device/ipv6Address', data: { scope: 'loopback' } }] },
    { name: 'a unique-local device IPv6 address', body: withDevice({ ipv6Address: 'fd12:3456::1' }), errors: [{ messageId: 'notPublic', path: '/device/ipv6Address', data: { scope: 'private', range: 'fc00::/7' } }] },
    { name: 'a link-local server address', body: list('198.51.100.1', 'fe80::1'), errors: [{ messageId: 'notPublic', path: '/applicationServer/ipAddresses/1', data: { scope: 'linkLocal' } }] },
    { name: 'an unspecified server address', body: list('0.0.0.0'), errors: [{ messageId: 'notPublic', path: '/applicationServer/ipAddresses/0', data: { scope: 'unspecified' } }] },
    { name: 'a reserved server address', body: list('240.0.0.1'), errors: [{ messageId: 'notPublic', path: '/applicationServer/ipAddresses/0', data: { scope: 'reserved' } }] },
    { name: 'an IPv4-mapped loopback server address', body: list('::ffff:127.0.0.1'), errors: [{ messageId: 'notPublic', path: '/applicationServer/ipAddresses/0', data: { scope: 'loopback', range: '127.0.0.0/8' } }] },
    { name: 'a multicast server subnet', body: subnets({ ipv4Address: '224.0.0.0/4' }), errors: [{ messageId: 'notPublic', path: '/applicationServer/ipv4Address', data: { scope: 'multicast' } }] },
    {
      name: 'a /0 server subnet in each family',
      body: subnets({ ipv4Address: '0.0.0.0/0', ipv6Address: '::/0' }),
      errors: [
        { messageId: 'wholeInternet', path: '/applicationServer/ipv4Address', severity: 'warn', data: { family: 'IPv4' } },
        { messageId: 'wholeInternet', path: '/applicationServer/ipv6Address', data: { family: 'IPv6' } },
      ],
    },
    {
      name: 'host bits set: a note only',
      body: subnets({ ipv4Address: '198.51.100.7/24' }),
      errors: [{ messageId: 'hostBitsSet', path: '/applicationServer/ipv4Address', severity: 'info', data: { network: '198.51.100.0/24', prefix: 24 } }],
    },
    {
      name: 'host bits set in an IPv6 subnet',
      body: subnets({ ipv6Address: '2001:db8:85a3:8d3:1319:8a2e:370:7344/64' }),
      errors: [{ messageId: 'hostBitsSet', path: '/applicationServer/ipv6Address', severity: 'info', data: { network: '2001:db8:85a3:8d3::/64' } }],
    },
    {
      name: 'a private subnet with host bits set: two problems',
      body: subnets({ ipv4Address: '10.1.2.3/8' }),
      errors: [
        { messageId: 'hostBitsSet', path: '/applicationServer/ipv4Address', severity: 'info' },
        { messageId: 'notPublic', path: '/applicationServer/ipv4Address', severity: 'warn' },
      ],
    },
    {
      name: 'a public private address that differs from the public one',
      body: withDevice({ ipv4Address: { publicAddress: '84.125.93.10', privateAddress: '8.8.8.8' } }),
      errors: [{ messageId: 'privateNotPrivate', path: '/device/ipv4Address/privateAddress', severity: 'info', data: { scope: 'public' } }],
    },
    {
      name: 'a loopback private address',
      body: withDevice({ ipv4Address: { publicAddress: '84.125.93.10', privateAddress: '127.0.0.1' } }),
      errors: [{ messageId: 'privateNotPrivate', path: '/device/ipv4Address/privateAddress', data: { scope: 'loopback' } }],
    },
    {
      name: 'documentation ranges refused by option',
      body: subnets({ ipv4Address: '198.51.100.0/24' }),
      options: { rules: { 'ip-address-scope': ['warn', { allowDocumentation: false }] } },
      errors: [{ messageId: 'notPublic', path: '/applicationServer/ipv4Address', data: { scope: 'documentation' } }],
    },
    {
      name: 'configured as an error, the notes become warnings',
      body: subnets({ ipv4Address: '10.1.2.3/8' }),
      options: { rules: { 'ip-address-scope': 'error' } },
      errors: [
        { messageId: 'hostBitsSet', path: '/applicationServer/ipv4Address', severity: 'warn' },
        { messageId: 'notPublic', path: '/applicationServer/ipv4Address', severity: 'error' },
      ],
    },
    {
      name: 'SDK: a private device IPv6 address and a loopback server',
      body: sdk({ ipv6_address: 'fd00::1' }, { ipv4_address: '127.0.0.1' }),
      options: SDK,
      errors: [
        { messageId: 'notPublic', path: '/device/ipv6_address', data: { scope: 'private' } },
        { messageId: 'notPublic', path: '/application_server/ipv4_address', data: { scope: 'loopback' } },
      ],
    },
  ],
});

describe('ip-address-scope options', () => {
  it('rejects an unknown scope at configuration time', () => {
    expect(() => createValidator({ rules: { 'ip-address-scope': ['warn', { allow: ['public-ish'] }] } })).toThrow(ConfigError);
    expect(() => createValidator({ rules: { 'ip-address-scope': ['warn', { allowPrivate: true }] } })).toThrow(/allowPrivate/);
  });
});
