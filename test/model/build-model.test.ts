// The neutral model: what rules read instead of the body, and the one walk over address fields.
import { describe, expect, it } from 'vitest';
import { dialects } from '../../src/dialects/index.js';
import { addressFields } from '../../src/model/addresses.js';
import { buildModel } from '../../src/model/build-model.js';

const keys12 = dialects['qod-1.2'].keys;
const keysSdk = dialects['qod-sdk'].keys;

describe('addressFields', () => {
  it.each([
    [
      'qod-1.2, every address field, in document order (device first)',
      keys12,
      {
        device: { ipv4Address: { publicAddress: '84.125.93.10', privateAddress: '10.0.0.1' }, ipv6Address: '2001:db8::1' },
        applicationServer: { ipAddresses: ['198.51.100.1', 7, '2001:db8::2'], ipv4Address: '198.51.100.0/24', ipv6Address: '2001:db8::/64' },
      },
      [
        'devicePublicIpv4 /device/ipv4Address/publicAddress 4 single device',
        'devicePrivateIpv4 /device/ipv4Address/privateAddress 4 single device',
        'deviceIpv6 /device/ipv6Address 6 single device',
        'serverListItem /applicationServer/ipAddresses/0 either single server',
        'serverListItem /applicationServer/ipAddresses/2 either single server',
        'serverIpv4 /applicationServer/ipv4Address 4 subnet server',
        'serverIpv6 /applicationServer/ipv6Address 6 subnet server',
      ],
    ],
    ['qod-sdk spells them its own way', keysSdk, { device: { ipv4_address: { public_address: '84.125.93.10' } }, application_server: { ipv6_address: '2001:db8::/64' } }, ['devicePublicIpv4 /device/ipv4_address/public_address 4 single device', 'serverIpv6 /application_server/ipv6_address 6 subnet server']],
    [
      'qod-0.8: ueId.ipv4addr is one string, read as the public address; both device families may carry a prefix',
      dialects['qod-0.8'].keys,
      { ueId: { ipv4addr: '198.51.100.0/28', ipv6addr: '2001:db8::/64' }, asId: { ipv4addr: '198.51.100.1' } },
      ['devicePublicIpv4 /ueId/ipv4addr 4 subnet device', 'deviceIpv6 /ueId/ipv6addr 6 subnet device', 'serverIpv4 /asId/ipv4addr 4 subnet server'],
    ],
    ['qod-0.8: a ueId.ipv4addr of another type is left to the schema', dialects['qod-0.8'].keys, { ueId: { ipv4addr: { publicAddress: '198.51.100.1' } } }, []],
    [
      'qod-0.9: the device IPv6 address may carry a prefix, its IPv4 addresses may not',
      dialects['qod-0.9'].keys,
      { device: { ipv4Address: { publicAddress: '84.125.93.10', publicPort: 1 }, ipv6Address: '2001:db8::/64' } },
      ['devicePublicIpv4 /device/ipv4Address/publicAddress 4 single device', 'deviceIpv6 /device/ipv6Address 6 subnet device'],
    ],
    ['values of another type are left to the schema', keys12, { device: { ipv6Address: 6 }, applicationServer: { ipv4Address: null } }, []],
    ['no device and no server', keys12, { qosProfile: 'QOS_E' }, []],
  ])('%s', (_, keys, body, expected) => {
    const model = buildModel(body, keys)!;
    const shown = addressFields(model).map((a) => `${a.role} ${a.field.path} ${a.family ?? 'either'} ${a.subnet ? 'subnet' : 'single'} ${a.device ? 'device' : 'server'}`);
    expect(shown).toEqual(expected);
    // Computed once per model, however many rules ask.
    expect(addressFields(model)).toBe(addressFields(model));
  });
});

describe('what the model says instead of the body', () => {
  it('which top-level members are given, whatever their type', () => {
    expect(buildModel({ device: 'x', duration: '60' }, keys12)!.given).toEqual({ device: true, duration: true });
    expect(buildModel({ qosProfile: 'QOS_E' }, keys12)!.given).toEqual({ device: false, duration: false });
  });

  it('the server list length, even when the list is too long to walk', () => {
    const long = Array.from({ length: 70000 }, () => '1.2.3.4');
    const list = buildModel({ applicationServer: { ipAddresses: long } }, keys12)!.applicationServer!.ipAddresses!;
    expect(list).toMatchObject({ count: 70000, items: [] });
  });

  it('the device key count and the sink credential fields given', () => {
    const model = buildModel({ device: { phoneNumber: 1, colour: 'blue' }, sinkCredential: { credentialType: 'ACCESSTOKEN', accessToken: 5, accessTokenType: undefined } }, keys12)!;
    expect(model.device).toMatchObject({ keyCount: 2, unknownKeys: ['colour'] });
    expect(model.sinkCredential!.given).toEqual(['credentialType', 'accessToken']);
  });

  it('holds no reference to the body: a rule cannot reach the caller’s objects', () => {
    const body = { device: { phoneNumber: '+34600000001' }, applicationServer: { ipAddresses: ['1.2.3.4'] }, devicePorts: { ports: [80] } };
    const model = buildModel(body, keys12)!;
    const reachable = new Set<unknown>();
    const walk = (value: unknown): void => {
      if (typeof value !== 'object' || value === null || reachable.has(value)) return;
      reachable.add(value);
      Object.values(value).forEach(walk);
    };
    walk(model);
    for (const inner of [body, body.device, body.applicationServer, body.applicationServer.ipAddresses, body.devicePorts, body.devicePorts.ports]) expect(reachable.has(inner)).toBe(false);
  });
});
