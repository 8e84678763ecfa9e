import { ruleTester } from '../helpers/rule-tester.js';

const base = { applicationServer: { ipv4Address: '198.51.100.0/24' }, qosProfile: 'QOS_E', duration: 3600 };

ruleTester('known-properties', {
  valid: [
    { name: 'a body with declared properties only', body: { ...base, device: { phoneNumber: '+34600000000' }, devicePorts: { ports: [5060] } } },
    { name: 'unknown properties in the SDK dialect (opt-in there)', body: { device: { phone_number: '+34600000000', extra: 1 }, qos_profile: 'QOS_VC', extra: true } },
    { name: 'the rule turned off', body: { ...base, extra: 1 }, options: { rules: { 'known-properties': 'off' } } },
  ],
  invalid: [
    {
      name: 'an unknown top-level property',
      body: { ...base, qosprofile: 'QOS_E' },
      errors: [{ messageId: 'unknownProperty', path: '/qosprofile', status: 400, code: 'INVALID_ARGUMENT', data: { property: 'qosprofile' } }],
    },
    {
      name: 'unknown properties at every depth',
      body: {
        ...base,
        device: { phoneNumber: '+34600000000', imei: '1', ipv4Address: { publicAddress: '84.125.93.10', publicPort: 5000, nat: true } },
        devicePorts: { ranges: [{ from: 1, to: 2, step: 1 }], other: [] },
        sinkCredential: { credentialType: 'ACCESSTOKEN', accessToken: 'x', accessTokenExpiresUtc: '2030-01-01T00:00:00Z', accessTokenType: 'bearer', scope: 'a' },
      },
      errors: [
        { messageId: 'unknownProperty', path: '/device/imei' },
        { messageId: 'unknownProperty', path: '/device/ipv4Address/nat' },
        { messageId: 'unknownProperty', path: '/devicePorts/ranges/0/step' },
        { messageId: 'unknownProperty', path: '/devicePorts/other' },
        { messageId: 'unknownProperty', path: '/sinkCredential/scope' },
      ],
    },
    {
      name: 'an unknown property beside the subnet form of applicationServer',
      body: { ...base, applicationServer: { ipv4Address: '198.51.100.0/24', port: 80 } },
      errors: [{ messageId: 'unknownProperty', path: '/applicationServer/port' }],
    },
    {
      name: 'a key escaped in the pointer',
      body: { ...base, 'a/b~c': 1 },
      errors: [{ messageId: 'unknownProperty', path: '/a~1b~0c', data: { property: 'a/b~c' } }],
    },
    {
      name: 'opted in for the SDK dialect, as a warning',
      body: { device: { phone_number: '+34600000000', extra: 1 }, qos_profile: 'QOS_VC' },
      options: { rules: { 'known-properties': 'warn' } },
      errors: [{ messageId: 'unknownProperty', path: '/device/extra', severity: 'warn' }],
    },
  ],
});
