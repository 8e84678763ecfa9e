// CAMARA 0.9 ↔ 0.10: the same names and shapes. 0.10 tightened the device's IPv6 address to one
// address (format ipv6): a 0.9 address with a prefix is a subnet, not one device's address, so it
// is lost (even /128: values are never re-spelt). Everything else differs only in spelling rules
// (0.9's lower-case IPv6 patterns and IPv4 patterns, 0.10's formats; the server's addresses
// unconstrained in 0.10), which the target's report judges: values are carried as they are.

import { showValue } from '../../shared/messages.js';
import type { Step } from '../step.js';

export const qod09To010: Step = {
  older: 'qod-0.9',
  newer: 'qod-0.10',
  places: [],
  forward: {
    before(edit) {
      const address = edit.get('/device/ipv6Address');
      if (typeof address === 'string' && address.includes('/')) {
        edit.lose('/device/ipv6Address', 'deviceSubnet', `device.ipv6Address ${showValue(address)} is a subnet, and ${edit.to}'s device.ipv6Address is the address of one device.`);
      }
    },
  },
};
