// Cloud instance-metadata endpoints: the hosts a server-side request forgery aims at to read a
// cloud machine's credentials. test/data/cloud-metadata-hosts.csv names the provider and its
// documentation for every entry, and test/rules/utils-cloud-metadata.test.ts checks this list
// against that file both ways.

import { sameAddress, type IpAddress } from './ip/address.js';
import { parseIp } from './ip/parse.js';

/** Metadata addresses, in text (the sink rule compares values, so every spelling matches). */
export const METADATA_ADDRESS_LIST: readonly string[] = [
  '169.254.169.254', // AWS, Azure, Google Cloud, Oracle Cloud, OpenStack, DigitalOcean...
  '169.254.170.2', // AWS ECS task metadata and credentials
  'fd00:ec2::254', // AWS instance metadata over IPv6
  '100.100.100.200', // Alibaba Cloud
  '168.63.129.16', // Azure WireServer (platform DNS and agent endpoint)
];

const METADATA_ADDRESSES: readonly IpAddress[] = METADATA_ADDRESS_LIST.map((text) => parseIp(text)!);

/** Whether the address is a well-known cloud metadata endpoint. */
export function isMetadataAddress(a: IpAddress): boolean {
  for (const m of METADATA_ADDRESSES) if (sameAddress(a, m)) return true;
  return false;
}

/** Metadata host names, lower case, without a trailing dot (as the URL parser leaves them). */
export const METADATA_NAME_LIST: readonly string[] = [
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'instance-data',
  'instance-data.ec2.internal',
  'metadata.tencentyun.com',
];

const METADATA_NAMES: ReadonlySet<string> = new Set(METADATA_NAME_LIST);

/** Whether a host name (lower case, no trailing dot) is a cloud metadata name. */
export function isMetadataName(name: string): boolean {
  return METADATA_NAMES.has(name);
}
