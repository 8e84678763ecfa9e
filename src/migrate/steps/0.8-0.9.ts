// CAMARA 0.8 ↔ 0.9: the body's names change (ueId → device, asId → applicationServer, the ports,
// qos → qosProfile, the callback into webhook), and three values change shape:
// - qos, an enum of four profiles, becomes qosProfile, a profile name: 0.9 names the same four
//   profiles with the same strings (QOS_E, QOS_S, QOS_M, QOS_L), so the value is carried as it is;
//   back to 0.8, any other name has no counterpart and is lost;
// - ueId.ipv4addr, one string that may carry a mask, becomes device.ipv4Address { publicAddress }:
//   a subnet is not one device's address, so it is lost; 0.9 also needs privateAddress or
//   publicPort beside publicAddress, which 0.8 never says (listed as lost, not invented); back to
//   0.8, only publicAddress has a place;
// - webhook.notificationUrl, required inside webhook in 0.9, is optional in 0.8 (a token alone is
//   listed as a lost URL).
// The device's IPv6 address keeps its prefix: 0.9 allows one, as 0.8 does.

import { fieldName, showValue } from '../../shared/messages.js';
import type { Step } from '../step.js';

/** 0.8's qos enum. 0.9 names the same profiles with the same strings, so a value is carried as it is. */
const QOS_ENUM: readonly string[] = ['QOS_E', 'QOS_S', 'QOS_M', 'QOS_L'];

export const qod08To09: Step = {
  older: 'qod-0.8',
  newer: 'qod-0.9',
  places: [
    ['/ueId', '/device'],
    ['/ueId/msisdn', '/device/phoneNumber'],
    ['/ueId/externalId', '/device/networkAccessIdentifier'],
    ['/ueId/ipv4addr', '/device/ipv4Address/publicAddress'],
    ['/ueId/ipv6addr', '/device/ipv6Address'],
    ['/asId', '/applicationServer'],
    ['/asId/ipv4addr', '/applicationServer/ipv4Address'],
    ['/asId/ipv6addr', '/applicationServer/ipv6Address'],
    ['/uePorts', '/devicePorts'],
    ['/asPorts', '/applicationServerPorts'],
    ['/qos', '/qosProfile'],
    ['/notificationUrl', '/webhook/notificationUrl'],
    ['/notificationAuthToken', '/webhook/notificationAuthToken'],
  ],
  forward: {
    before(edit) {
      const address = edit.get('/ueId/ipv4addr');
      if (typeof address === 'string' && address.includes('/')) {
        edit.lose(
          '/ueId/ipv4addr',
          'deviceSubnet',
          `ueId.ipv4addr ${showValue(address)} is a subnet, and ${edit.to}'s device.ipv4Address.publicAddress is the address of one device.`,
        );
      }
    },
    after(edit) {
      if (edit.has('/device/ipv4Address/publicAddress') && !edit.has('/device/ipv4Address/privateAddress') && !edit.has('/device/ipv4Address/publicPort')) {
        edit.missing(
          '/device/ipv4Address/privateAddress',
          'devicePublicPair',
          `${edit.to} needs device.ipv4Address.privateAddress (the same address when the device is not behind NAT) or publicPort beside publicAddress, which ${edit.from}'s ueId.ipv4addr does not say: add one.`,
        );
      }
    },
  },
  backward: {
    before(edit) {
      const name = edit.get('/qosProfile');
      if (typeof name === 'string' && !QOS_ENUM.includes(name)) {
        edit.lose('/qosProfile', 'qosProfileName', `${edit.to}'s qos names only ${QOS_ENUM.join(', ')}: the profile ${showValue(name)} has no counterpart.`);
      }
      for (const member of ['privateAddress', 'publicPort']) {
        const pointer = `/device/ipv4Address/${member}`;
        if (edit.has(pointer)) edit.lose(pointer, 'noPlace', `${edit.to} has one IPv4 address per device (ueId.ipv4addr, from publicAddress): ${fieldName(pointer)} has no place.`);
      }
    },
  },
};
