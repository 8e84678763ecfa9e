// The reference bodies of the benchmark (about 400 bytes each as compact JSON).
export const reference = {
  valid: {
    device: { phoneNumber: '+34600000001', ipv4Address: { publicAddress: '84.125.93.10', publicPort: 59765 } },
    applicationServer: { ipv4Address: '198.51.100.0/24', ipv6Address: '2001:db8:85a3:8d3::/64' },
    devicePorts: { ranges: [{ from: 5010, to: 5020 }], ports: [5060, 5070] },
    applicationServerPorts: { ports: [443] },
    qosProfile: 'QOS_L',
    duration: 3600,
    sink: 'https://endpoint.example.com/sink',
  },
  invalid: {
    device: { phoneNumber: '34600000001', ipv4Address: { publicAddress: '084.125.93.10', publicPort: 59765 } },
    applicationServer: { ipv4Address: '198.51.100.0/33', ipv6Address: '2001:db8:85a3:8d3::/64' },
    devicePorts: { ranges: [{ from: 5020, to: 5010 }], ports: [5060, 5060] },
    applicationServerPorts: { ports: [0] },
    qosProfile: 'QOS L',
    duration: 0,
    sink: 'http://endpoint.example.com/sink',
    extra: true,
  },
};

const { sink, ...withoutSink } = reference.valid;

/**
 * A valid body of every dialect, the same session in each dialect's words (CAMARA 1.2's is
 * `reference.valid`): each gets the empty report under its dialect with the default configuration
 * (test/engine/accept.test.ts), so that the benchmark measures the accept pass of every dialect.
 */
export const validByDialect = {
  'qod-1.2': reference.valid,
  'qod-1.1': reference.valid,
  'qod-1.0': reference.valid,
  'qod-0.11': reference.valid,
  'qod-0.10': { ...withoutSink, webhook: { notificationUrl: sink, notificationAuthToken: 'c8974e592c2fa383d4a3960714' } },
  'qod-0.9': { ...withoutSink, webhook: { notificationUrl: sink, notificationAuthToken: 'c8974e592c2fa383d4a3960714' } },
  'qod-0.8': {
    ueId: { msisdn: '+34600000001', ipv4addr: '84.125.93.10' },
    asId: { ipv4addr: '198.51.100.0/24', ipv6addr: '2001:db8:85a3:8d3::/64' },
    uePorts: { ranges: [{ from: 5010, to: 5020 }], ports: [5060, 5070] },
    asPorts: { ports: [443] },
    qos: 'QOS_L',
    duration: 3600,
    notificationUrl: sink,
  },
  'qod-sdk': {
    device: { phone_number: '+34600000001', ipv4_address: { public_address: '84.125.93.10', public_port: 59765 } },
    application_server: { ipv4_address: '198.51.100.0/24', ipv6_address: '2001:db8:85a3:8d3::/64' },
    device_ports: { ranges: [{ from: 5010, to: 5020 }], ports: [5060, 5070] },
    application_server_ports: { ports: [443] },
    qos_profile: 'QOS_L',
    duration: 3600,
    webhook: { notification_url: sink, notification_auth_token: 'c8974e592c2fa383d4a3960714' },
  },
};
