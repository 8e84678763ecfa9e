import { ruleTester } from '../helpers/rule-tester.js';

const base = { qosProfile: 'QOS_E', duration: 3600 };
const body = (device: object, applicationServer: object) => ({ ...base, device, applicationServer });
const v4Device = { ipv4Address: { publicAddress: '84.125.93.10', publicPort: 59765 } };
const v6Device = { ipv6Address: '2001:db8:85a3:8d3:1319:8a2e:370:7344' };
const SDK = { dialect: 'qod-sdk' as const };

ruleTester('device-server-consistency', {
  valid: [
    { name: 'an IPv4 device and an IPv4 subnet', body: body(v4Device, { ipv4Address: '198.51.100.0/24' }) },
    { name: 'an IPv6 device and an IPv6 list', body: body(v6Device, { ipAddresses: ['2001:db8::1'] }) },
    { name: 'a dual-stack device and an IPv6-only server', body: body({ ...v4Device, ...v6Device }, { ipv6Address: '2001:db8::/32' }) },
    { name: 'an IPv4 device and a dual-stack list', body: body(v4Device, { ipAddresses: ['198.51.100.1', '2001:db8::1'] }) },
    { name: 'a device known by phone number only (family unknown)', body: body({ phoneNumber: '+34600000000' }, { ipv6Address: '2001:db8::/32' }) },
    { name: 'a device known by NAI only', body: body({ networkAccessIdentifier: 'user@example.com' }, { ipv6Address: '2001:db8::/32' }) },
    { name: 'a device inside the server subnet (not compared)', body: body(v4Device, { ipv4Address: '84.125.93.0/24' }) },
    { name: 'a device IPv4 address given as IPv4-mapped on the server side', body: body(v4Device, { ipAddresses: ['::ffff:198.51.100.1'] }) },
    { name: 'malformed addresses are ip-address findings', body: body({ ipv4Address: { publicAddress: '999.1.1.1', publicPort: 1 } }, { ipv6Address: '2001:db8::/32' }) },
    { name: 'no application server addresses that parse', body: body(v4Device, { ipv6Address: 'zzz' }) },
    { name: 'a server subnet whose network address is the device address (a subnet, not that host)', body: body({ ipv4Address: { publicAddress: '84.125.93.0' } }, { ipv4Address: '84.125.93.0/24' }) },
    { name: 'a /0 server subnet is no single host either', body: body({ ipv4Address: { publicAddress: '84.125.93.0' } }, { ipv4Address: '84.125.93.0/0' }) },
    { name: 'SDK: an IPv4 device and an IPv4 server', body: { device: { ipv4_address: { public_address: '84.125.93.10', public_port: 1 } }, qos_profile: 'QOS_VC', application_server: { ipv4_address: '198.51.100.7' } }, options: SDK },
  ],
  invalid: [
    {
      name: 'the device public address is also a server address',
      body: body(v4Device, { ipAddresses: ['198.51.100.1', '84.125.93.10'] }),
      errors: [{ messageId: 'sameAddress', path: '/device/ipv4Address/publicAddress', severity: 'warn', status: 400, code: 'INVALID_ARGUMENT', data: { server: 'applicationServer.ipAddresses[1]', serverValue: '84.125.93.10' } }],
    },
    {
      name: 'the device IPv6 address equals a /128 server subnet spelled differently',
      body: body({ ipv6Address: '2001:db8::a' }, { ipv6Address: '2001:DB8:0:0::A/128' }),
      errors: [{ messageId: 'sameAddress', path: '/device/ipv6Address', data: { server: 'applicationServer.ipv6Address' } }],
    },
    {
      name: 'the device address as a /32 server subnet',
      body: body(v4Device, { ipv4Address: '84.125.93.10/32' }),
      errors: [{ messageId: 'sameAddress', path: '/device/ipv4Address/publicAddress', data: { server: 'applicationServer.ipv4Address' } }],
    },
    {
      name: 'the device address as the single server IPv4 address',
      body: body(v4Device, { ipv4Address: '84.125.93.10' }),
      errors: [{ messageId: 'sameAddress', path: '/device/ipv4Address/publicAddress' }],
    },
    {
      name: 'an IPv4-only device and an IPv6-only server',
      body: body(v4Device, { ipv6Address: '2001:db8::/32' }),
      errors: [{ messageId: 'familyMismatch', path: '/applicationServer', severity: 'warn', code: 'INVALID_ARGUMENT', data: { device: 'IPv4', server: 'IPv6' } }],
    },
    {
      name: 'an IPv6-only device and an IPv4-only list: NAT64, a note only',
      body: body(v6Device, { ipAddresses: ['198.51.100.1', '203.0.113.7'] }),
      errors: [{ messageId: 'nat64', path: '/applicationServer', severity: 'info', data: { device: 'IPv6', server: 'IPv4' }, message: 'NAT64' }],
    },
    {
      name: 'an IPv6-only device and an IPv4 subnet: NAT64, not a warning even with the rule at error',
      body: body(v6Device, { ipv4Address: '198.51.100.0/24' }),
      options: { rules: { 'device-server-consistency': 'error' } },
      errors: [{ messageId: 'nat64', path: '/applicationServer', severity: 'warn', data: { device: 'IPv6', server: 'IPv4' } }],
    },
    {
      name: 'a phone number does not widen an IPv4 address to both families',
      body: body({ phoneNumber: '+34600000000', ...v4Device }, { ipv6Address: '2001:db8::/32' }),
      errors: [{ messageId: 'familyMismatch', path: '/applicationServer' }],
    },
    {
      name: 'configured as an error',
      body: body(v4Device, { ipv6Address: '2001:db8::/32' }),
      options: { rules: { 'device-server-consistency': 'error' } },
      errors: [{ messageId: 'familyMismatch', path: '/applicationServer', severity: 'error' }],
    },
    {
      name: 'SDK: the same address at both ends',
      body: { device: { ipv6_address: '2001:db8::7' }, qos_profile: 'QOS_VC', application_server: { ipv6_address: '2001:db8::7' } },
      options: SDK,
      errors: [{ messageId: 'sameAddress', path: '/device/ipv6_address', data: { server: 'application_server.ipv6_address' } }],
    },
    {
      name: 'SDK: families that do not meet',
      body: { device: { ipv4_address: { public_address: '84.125.93.10', public_port: 5000 } }, qos_profile: 'QOS_VC', application_server: { ipv6_address: '2001:db8::/64' } },
      options: SDK,
      errors: [{ messageId: 'familyMismatch', path: '/application_server', severity: 'warn', data: { device: 'IPv4', server: 'IPv6' } }],
    },
    {
      name: 'SDK: an IPv6-only device and an IPv4 server (NAT64)',
      body: { device: { ipv6_address: '2001:db8::7' }, qos_profile: 'QOS_VC', application_server: { ipv4_address: '198.51.100.0/24' } },
      options: SDK,
      errors: [{ messageId: 'nat64', path: '/application_server', severity: 'info', data: { device: 'IPv6', server: 'IPv4' } }],
    },
  ],
});
