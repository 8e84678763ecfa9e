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
