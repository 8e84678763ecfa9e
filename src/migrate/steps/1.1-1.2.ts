// CAMARA 1.1 ↔ 1.2.
// - 1.2 lists single server addresses in applicationServer.ipAddresses, or takes one IPv4 and/or
//   one IPv6 subnet as before. A 1.1 server given by single addresses only (no mask, each a valid
//   address of its field's family: what 1.2's SingleIpv4Address/SingleIpv6Address accept) moves into
//   the list, in its key order; a subnet never does, and a server with a subnet keeps the subnet
//   form (a mask-less address next to a subnet is a valid 1.2 subnet value). Back to 1.1, the list's
//   first IPv4 and first IPv6 address take ipv4Address and ipv6Address; 1.1 has no place for more.
// - 1.2's ports are 1..65535: port 0, which names no port, is lost wherever it appears (a port, a
//   range's end, device.ipv4Address.publicPort); a range starting at 0 starts at 1. A ports list
//   emptied so is removed; a ports specification emptied so stays empty ({}), which the 1.2 report
//   rejects: dropping it would widen the session to every port.
// - 1.2's credentials are ACCESSTOKEN or PRIVATE_KEY_JWT (1.1: PLAIN, ACCESSTOKEN, REFRESHTOKEN):
//   a credential of a type the target does not know is lost whole, either way.
// - 1.2 rejects properties it does not declare (the runner loses them: ../step.ts).

import { fullFormats } from 'ajv-formats/dist/formats.js';
import { fieldName, showValue } from '../../shared/messages.js';
import type { Edit, Note } from '../draft.js';
import { shapes } from '../shapes.js';
import type { Step } from '../step.js';

const SERVER = '/applicationServer';
const LIST = `${SERVER}/ipAddresses`;

/** 1.2's SingleIpv4Address and SingleIpv6Address: format ipv4 / ipv6, at most 15 / 45 characters. */
const SINGLE = {
  ipv4Address: (s: string) => s.length <= 15 && (fullFormats.ipv4 as RegExp).test(s),
  ipv6Address: (s: string) => s.length <= 45 && (fullFormats.ipv6 as RegExp).test(s),
} as const;

type AddressKey = keyof typeof SINGLE;

function isAddressKey(key: string): key is AddressKey {
  return key === 'ipv4Address' || key === 'ipv6Address';
}

/** The server's members in key order when every one is a single address of its family; else undefined. */
function singleAddresses(edit: Edit): AddressKey[] | undefined {
  if (edit.kind(SERVER) !== 'object') return undefined;
  const server = edit.get(SERVER) as Record<string, unknown>;
  const keys = Object.keys(server);
  if (keys.length === 0) return undefined;
  const out: AddressKey[] = [];
  for (const key of keys) {
    const value = server[key];
    if (!isAddressKey(key) || typeof value !== 'string' || !SINGLE[key](value)) return undefined;
    out.push(key);
  }
  return out;
}

/** Loses a credential of a type the target does not have. */
function credentialType(edit: Edit): void {
  const type = edit.get('/sinkCredential/credentialType');
  const types = shapes[edit.to].credentialTypes;
  if (edit.kind('/sinkCredential') === 'object' && typeof type === 'string' && !types.includes(type)) {
    edit.lose('/sinkCredential', 'credentialType', `${edit.to} has no ${showValue(type)} credential (only ${types.join(' or ')}): sinkCredential has no counterpart.`);
  }
}

const portZero = (edit: Edit, pointer: string): string => `${fieldName(pointer)} is port 0, which ${edit.to} cannot name (its ports are 1 to 65535).`;

/** Port 0 in a ports specification: lost; a range from 0 starts at 1. */
function withoutPortZero(edit: Edit, spec: string): void {
  if (edit.kind(spec) !== 'object') return;
  const ports = edit.get(`${spec}/ports`);
  if (Array.isArray(ports)) {
    const zeros = ports.flatMap((port, i) => (port === 0 ? [i] : []));
    // From the end, so that the indexes still to come stay put.
    for (const i of zeros.reverse()) edit.lose(`${spec}/ports/${i}`, 'portZero', portZero(edit, `${spec}/ports/${i}`));
    if (zeros.length > 0 && zeros.length === ports.length) edit.remove(`${spec}/ports`);
  }
  const ranges = edit.get(`${spec}/ranges`);
  if (Array.isArray(ranges)) {
    let removed = 0;
    for (let i = ranges.length - 1; i >= 0; i--) {
      const range = ranges[i] as { from?: unknown; to?: unknown } | null;
      if (range === null || typeof range !== 'object' || range.from !== 0) continue;
      const at = `${spec}/ranges/${i}`;
      if (typeof range.to === 'number' && range.to >= 1) {
        edit.replace(`${at}/from`, 1, { messageId: 'narrowedRange', message: `${fieldName(at)} starts at port 0, which ${edit.to} cannot name: it starts at 1.` });
        edit.losePart(`${at}/from`, 0, 'portZero', portZero(edit, `${at}/from`));
      } else if (range.to === 0) {
        edit.lose(at, 'portZero', `${fieldName(at)} is port 0 only, which ${edit.to} cannot name (its ports are 1 to 65535).`);
        removed++;
      }
    }
    if (removed > 0 && removed === ranges.length) edit.remove(`${spec}/ranges`);
  }
}

export const qod11To12: Step = {
  older: 'qod-1.1',
  newer: 'qod-1.2',
  places: [],
  forward: {
    before(edit) {
      withoutPortZero(edit, '/devicePorts');
      withoutPortZero(edit, '/applicationServerPorts');
      if (edit.get('/device/ipv4Address/publicPort') === 0) edit.lose('/device/ipv4Address/publicPort', 'portZero', portZero(edit, '/device/ipv4Address/publicPort'));
      credentialType(edit);
      const keys = singleAddresses(edit);
      if (keys === undefined) return;
      edit.add(LIST, []);
      keys.forEach((key, i) => {
        edit.move(`${SERVER}/${key}`, `${LIST}/${i}`, {
          messageId: 'listedAddress',
          message: `applicationServer.${key} is one address, not a subnet: ${edit.to} lists it in applicationServer.ipAddresses.`,
        });
      });
    },
  },
  backward: {
    before(edit) {
      credentialType(edit);
      const items = edit.get(LIST);
      if (!Array.isArray(items)) return;
      const taken = new Set<string>((['ipv4Address', 'ipv6Address'] as const).filter((key) => edit.has(`${SERVER}/${key}`)));
      // The first item left is always at index 0.
      const first = `${LIST}/0`;
      items.forEach((item, i) => {
        const named = fieldName(`${LIST}/${i}`);
        const key = typeof item !== 'string' ? undefined : item.includes(':') ? 'ipv6Address' : 'ipv4Address';
        if (key === undefined) edit.lose(first, 'noPlace', `${edit.to} has no place for ${named} (${showValue(item)}): its server addresses are strings.`);
        else if (taken.has(key)) {
          edit.lose(first, 'serverAddressCount', `${edit.to} has one server address per family (applicationServer.ipv4Address, ipv6Address): ${named} ${showValue(item)} has no place.`);
        } else {
          taken.add(key);
          const note: Note = { messageId: 'unlistedAddress', message: `${edit.to} has no address list: ${named} becomes applicationServer.${key}.` };
          if (!edit.move(first, `${SERVER}/${key}`, note)) edit.lose(first, 'noPlace', `${edit.to} has no place for ${named} ${showValue(item)}.`);
        }
      });
      edit.remove(LIST);
    },
  },
};
