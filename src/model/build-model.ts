// Builds the dialect-neutral SessionModel from a body, given how the dialect spells each key.
// It must accept any value without throwing: fields of the wrong JSON type are simply left out
// (the schema reports them), and every field keeps the pointer it came from.

import type { ApplicationServerModel, DeviceIpv4Model, DeviceModel, DevicePrefixes, Field, PortRangeModel, PortsModel, SessionModel, SinkCredentialModel } from './types.js';
import { isPlainObject } from '../shared/object.js';

/** How a dialect spells each key of the neutral model (a missing entry: the dialect has no such key). */
export interface KeyMap {
  device: string;
  phoneNumber: string;
  networkAccessIdentifier: string;
  deviceIpv4Address: string;
  publicAddress: string;
  privateAddress: string;
  publicPort: string;
  deviceIpv6Address: string;
  applicationServer: string;
  ipAddresses?: string;
  serverIpv4Address: string;
  serverIpv6Address: string;
  devicePorts: string;
  applicationServerPorts: string;
  ranges: string;
  from: string;
  to: string;
  ports: string;
  qosProfile: string;
  duration: string;
  /** `sink` as a top-level string (CAMARA 0.11+). */
  sink?: string;
  sinkCredential?: string;
  /** `[webhook object, URL key]` (CAMARA 0.9/0.10, SDK). */
  webhook?: readonly [string, string];
  /**
   * The device's IPv4 address is one string, an address or address/mask (CAMARA 0.8
   * `ueId.ipv4addr`), rather than an object: the model reads it as the public address.
   */
  deviceIpv4AddressIsString?: boolean;
  /** Device address families that may carry a prefix (CAMARA 0.8: both; 0.9: IPv6). Absent: none. */
  devicePrefixes?: DevicePrefixes;
}

/** Arrays longer than this are the schema's finding; rules do not walk them. */
const MAX_WALKED_ITEMS = 65536;

type Obj = Record<string, unknown>;

function own(obj: Obj, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

function str(obj: Obj, key: string, parent: string): Field<string> | undefined {
  const value = own(obj, key);
  return typeof value === 'string' ? { value, path: `${parent}/${key}` } : undefined;
}

function int(obj: Obj, key: string, parent: string): Field<number> | undefined {
  const value = own(obj, key);
  return Number.isInteger(value) ? { value: value as number, path: `${parent}/${key}` } : undefined;
}

function ports(body: Obj, key: string, k: KeyMap): PortsModel | undefined {
  const spec = own(body, key);
  if (!isPlainObject(spec)) return undefined;
  const path = `/${key}`;
  const ranges: PortRangeModel[] = [];
  const rawRanges = own(spec, k.ranges);
  if (Array.isArray(rawRanges) && rawRanges.length <= MAX_WALKED_ITEMS) {
    // Each item's pointer is the list's plus its index: one concatenation per item.
    const rangesPath = `${path}/${k.ranges}/`;
    rawRanges.forEach((range, i) => {
      if (!isPlainObject(range)) return;
      const rangePath = rangesPath + i;
      ranges.push({ path: rangePath, from: int(range, k.from, rangePath), to: int(range, k.to, rangePath) });
    });
  }
  const single: Field<number>[] = [];
  const rawPorts = own(spec, k.ports);
  if (Array.isArray(rawPorts) && rawPorts.length <= MAX_WALKED_ITEMS) {
    const portsPath = `${path}/${k.ports}/`;
    rawPorts.forEach((port, i) => {
      if (Number.isInteger(port)) single.push({ value: port as number, path: portsPath + i });
    });
  }
  return { path, ranges, ports: single };
}

function device(body: Obj, k: KeyMap): DeviceModel | undefined {
  const raw = own(body, k.device);
  if (!isPlainObject(raw)) return undefined;
  const path = `/${k.device}`;
  let ipv4Address: DeviceIpv4Model | undefined;
  const rawIpv4 = own(raw, k.deviceIpv4Address);
  if (k.deviceIpv4AddressIsString === true) {
    const publicAddress = str(raw, k.deviceIpv4Address, path);
    if (publicAddress !== undefined) ipv4Address = { path: publicAddress.path, publicAddress };
  } else if (isPlainObject(rawIpv4)) {
    const ipv4Path = `${path}/${k.deviceIpv4Address}`;
    ipv4Address = {
      path: ipv4Path,
      publicAddress: str(rawIpv4, k.publicAddress, ipv4Path),
      privateAddress: str(rawIpv4, k.privateAddress, ipv4Path),
      publicPort: int(rawIpv4, k.publicPort, ipv4Path),
    };
  }
  const known = [k.phoneNumber, k.networkAccessIdentifier, k.deviceIpv4Address, k.deviceIpv6Address];
  const keys = Object.keys(raw);
  const model: DeviceModel = {
    path,
    phoneNumber: str(raw, k.phoneNumber, path),
    networkAccessIdentifier: str(raw, k.networkAccessIdentifier, path),
    ipv4Address,
    ipv6Address: str(raw, k.deviceIpv6Address, path),
    unknownKeys: keys.filter((key) => !known.includes(key)),
    keyCount: keys.length,
  };
  return k.devicePrefixes === undefined ? model : { ...model, prefixes: k.devicePrefixes };
}

function applicationServer(body: Obj, k: KeyMap): ApplicationServerModel | undefined {
  const raw = own(body, k.applicationServer);
  if (!isPlainObject(raw)) return undefined;
  const path = `/${k.applicationServer}`;
  let ipAddresses: ApplicationServerModel['ipAddresses'];
  const rawList = k.ipAddresses === undefined ? undefined : own(raw, k.ipAddresses);
  if (Array.isArray(rawList)) {
    const listPath = `${path}/${k.ipAddresses}`;
    const items: Field<string>[] = [];
    if (rawList.length <= MAX_WALKED_ITEMS) {
      const itemsPath = `${listPath}/`;
      rawList.forEach((item, i) => {
        if (typeof item === 'string') items.push({ value: item, path: itemsPath + i });
      });
    }
    ipAddresses = { path: listPath, items, count: rawList.length };
  }
  return {
    path,
    ipAddresses,
    ipv4Address: str(raw, k.serverIpv4Address, path),
    ipv6Address: str(raw, k.serverIpv6Address, path),
  };
}

function sinkCredential(body: Obj, key: string): SinkCredentialModel | undefined {
  const raw = own(body, key);
  if (!isPlainObject(raw)) return undefined;
  const path = `/${key}`;
  return {
    path,
    given: Object.keys(raw).filter((key) => raw[key] !== undefined),
    credentialType: str(raw, 'credentialType', path),
    accessToken: str(raw, 'accessToken', path),
    accessTokenExpiresUtc: str(raw, 'accessTokenExpiresUtc', path),
    accessTokenType: str(raw, 'accessTokenType', path),
    clientId: str(raw, 'clientId', path),
    tokenUri: str(raw, 'tokenUri', path),
    jwksUri: str(raw, 'jwksUri', path),
  };
}

function sink(body: Obj, k: KeyMap): Field<string> | undefined {
  if (k.sink !== undefined) return str(body, k.sink, '');
  if (k.webhook === undefined) return undefined;
  const [webhookKey, urlKey] = k.webhook;
  const webhook = own(body, webhookKey);
  return isPlainObject(webhook) ? str(webhook, urlKey, `/${webhookKey}`) : undefined;
}

/** The neutral model of `body`; undefined when the body is not a JSON object. */
export function buildModel(body: unknown, k: KeyMap): SessionModel | undefined {
  if (!isPlainObject(body)) return undefined;
  return {
    given: { device: own(body, k.device) !== undefined, duration: own(body, k.duration) !== undefined },
    device: device(body, k),
    applicationServer: applicationServer(body, k),
    devicePorts: ports(body, k.devicePorts, k),
    applicationServerPorts: ports(body, k.applicationServerPorts, k),
    qosProfile: str(body, k.qosProfile, ''),
    duration: int(body, k.duration, ''),
    sink: sink(body, k),
    sinkCredential: k.sinkCredential === undefined ? undefined : sinkCredential(body, k.sinkCredential),
  };
}
