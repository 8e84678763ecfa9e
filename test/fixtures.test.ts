// Every fixture and the exact list of findings it must produce (ruleId@path, prefixed with the
// severity when it is not an error). A fixture missing from the table, or a table entry without a
// fixture, fails too. Fixtures are read as bytes and go through validateJson with dialect 'auto', so
// the folder name also checks detection; except the dialects whose bodies have the keys of qod-1.2
// (CAMARA 0.11 to 1.1), which are judged with their dialect named, as --dialect does.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateJson, type DialectId } from '../src/index.js';

const root = join(import.meta.dirname, '..', 'fixtures');

const expected: Record<string, string[]> = {
  'qod-1.2/valid/address-list.json': [],
  'qod-1.2/valid/device-ipv4-private-and-public.json': [],
  'qod-1.2/valid/full-subnets.json': [],
  'qod-1.2/valid/minimal-phone-number.json': [],
  'qod-1.2/valid/no-device.json': [],
  'qod-1.2/valid/single-server-address-with-128-prefix.json': [],
  'qod-1.2/invalid/body-is-an-array.json': ['schema@'],
  'qod-1.2/invalid/device-empty.json': ['schema@/device'],
  'qod-1.2/invalid/device-ipv4-leading-zeros.json': ['ip-address@/device/ipv4Address/publicAddress'],
  'qod-1.2/invalid/device-ipv4-public-address-alone.json': ['schema@/device/ipv4Address'],
  'qod-1.2/invalid/device-ipv6-with-prefix.json': ['ip-address@/device/ipv6Address'],
  'qod-1.2/invalid/duration-above-int32.json': ['duration-bounds@/duration'],
  'qod-1.2/invalid/duration-not-integer.json': ['schema@/duration'],
  'qod-1.2/invalid/duration-zero.json': ['duration-bounds@/duration'],
  'qod-1.2/invalid/missing-application-server.json': ['schema@'],
  'qod-1.2/invalid/missing-duration.json': ['schema@'],
  'qod-1.2/invalid/missing-qos-profile.json': ['schema@'],
  'qod-1.2/invalid/network-access-identifier-only.json': ['device-identifiers@/device'],
  'qod-1.2/invalid/not-json.json': ['parse@'],
  'qod-1.2/invalid/phone-number-not-in-numbering-plan.json': ['warn:phone-number@/device/phoneNumber'],
  'qod-1.2/invalid/phone-number-too-long.json': ['phone-number@/device/phoneNumber'],
  'qod-1.2/invalid/phone-number-without-plus.json': ['phone-number@/device/phoneNumber'],
  'qod-1.2/invalid/port-above-65535.json': ['port-ranges@/applicationServerPorts/ranges/0/to'],
  'qod-1.2/invalid/port-range-reversed.json': ['port-ranges@/devicePorts/ranges/0'],
  'qod-1.2/invalid/port-ranges-overlap.json': ['warn:port-ranges@/devicePorts/ranges/1'],
  'qod-1.2/invalid/port-zero.json': ['port-ranges@/devicePorts/ports/0'],
  'qod-1.2/invalid/private-key-jwt-not-configured.json': ['sink-credential@/sinkCredential/credentialType'],
  'qod-1.2/invalid/qos-profile-bad-characters.json': ['schema@/qosProfile'],
  'qod-1.2/invalid/qos-profile-too-short.json': ['schema@/qosProfile'],
  'qod-1.2/invalid/server-ipv4-mask-too-wide.json': ['ip-address@/applicationServer/ipv4Address'],
  'qod-1.2/invalid/server-ipv6-colons-only.json': ['ip-address@/applicationServer/ipv6Address'],
  'qod-1.2/invalid/server-ipv6-field-holds-ipv4.json': ['ip-address@/applicationServer/ipv6Address'],
  'qod-1.2/invalid/server-list-and-subnet-together.json': ['schema@/applicationServer'],
  'qod-1.2/invalid/server-list-duplicate-by-value.json': ['server-address-list@/applicationServer/ipAddresses/1'],
  'qod-1.2/invalid/server-list-empty.json': ['server-address-list@/applicationServer/ipAddresses'],
  'qod-1.2/invalid/server-list-entry-with-mask.json': ['server-address-list@/applicationServer/ipAddresses/0'],
  'qod-1.2/invalid/server-list-too-long.json': ['server-address-list@/applicationServer/ipAddresses'],
  'qod-1.2/invalid/server-private-address.json': ['warn:ip-address-scope@/applicationServer/ipv4Address'],
  'qod-1.2/invalid/server-subnet-whole-internet.json': ['warn:ip-address-scope@/applicationServer/ipv4Address'],
  'qod-1.2/invalid/sink-credential-expired.json': ['warn:sink-credential@/sinkCredential/accessTokenExpiresUtc'],
  'qod-1.2/invalid/sink-credential-expiry-without-time-zone.json': ['sink-credential@/sinkCredential/accessTokenExpiresUtc'],
  'qod-1.2/invalid/sink-credential-field-of-other-type.json': ['known-properties@/sinkCredential/jwksUri'],
  'qod-1.2/invalid/sink-credential-missing-access-token.json': ['sink-credential@/sinkCredential'],
  'qod-1.2/invalid/sink-credential-plain-type.json': ['sink-credential@/sinkCredential/credentialType'],
  'qod-1.2/invalid/sink-credential-token-type-not-bearer.json': ['sink-credential@/sinkCredential/accessTokenType'],
  'qod-1.2/invalid/sink-http.json': ['sink@/sink'],
  'qod-1.2/invalid/sink-loopback-host.json': ['warn:sink@/sink'],
  'qod-1.2/invalid/sink-not-a-uri.json': ['sink@/sink'],
  'qod-1.2/invalid/unknown-property-nested.json': ['known-properties@/device/ipv4Address/natType'],
  'qod-1.2/invalid/unknown-property.json': ['known-properties@/extra'],
  'qod-1.1/valid/duration-above-int32.json': [],
  'qod-1.1/valid/retrieve-sessions-example-with-device-response.json': ['warn:phone-number@/device/phoneNumber', 'warn:ip-address-scope@/applicationServer/ipv4Address'],
  'qod-1.1/valid/retrieve-sessions-example.json': ['warn:ip-address-scope@/applicationServer/ipv4Address'],
  'qod-1.1/valid/schema-examples.json': ['warn:phone-number@/device/phoneNumber', 'warn:device-identifiers@/device/networkAccessIdentifier', 'warn:device-server-consistency@/device/ipv6Address', 'warn:sink-credential@/sinkCredential/accessTokenExpiresUtc'],
  'qod-1.1/valid/session-available-example.json': [],
  'qod-1.1/valid/session-creation-example-with-device-response.json': ['warn:phone-number@/device/phoneNumber'],
  'qod-1.1/valid/session-creation-example.json': [],
  'qod-1.1/valid/session-unavailable-example.json': [],
  'qod-1.1/valid/unknown-property-allowed.json': [],
  'qod-1.1/invalid/device-ipv4-public-address-alone.json': ['schema@/device/ipv4Address'],
  'qod-1.1/invalid/missing-application-server.json': ['schema@'],
  'qod-1.1/invalid/sink-credential-refresh-token-type.json': ['sink-credential@/sinkCredential/credentialType'],
  'qod-1.1/invalid/sink-http.json': ['sink@/sink'],
  'qod-1.1/invalid/sink-scheme-in-capitals.json': ['sink@/sink'],
  'qod-1.0/valid/port-zero.json': [],
  'qod-1.0/valid/retrieve-sessions-example.json': ['warn:phone-number@/device/phoneNumber', 'warn:ip-address-scope@/applicationServer/ipv4Address'],
  'qod-1.0/valid/schema-examples.json': ['warn:phone-number@/device/phoneNumber', 'warn:device-identifiers@/device/networkAccessIdentifier', 'warn:device-server-consistency@/device/ipv6Address', 'warn:sink-credential@/sinkCredential/accessTokenExpiresUtc'],
  'qod-1.0/valid/session-available-example.json': [],
  'qod-1.0/valid/session-unavailable-example.json': [],
  'qod-1.0/valid/sink-http.json': ['warn:sink@/sink'],
  'qod-1.0/invalid/network-access-identifier-only.json': ['device-identifiers@/device'],
  'qod-1.0/invalid/phone-number-leading-zero.json': ['phone-number@/device/phoneNumber'],
  'qod-1.0/invalid/sink-credential-expiry-without-time-zone.json': ['sink-credential@/sinkCredential/accessTokenExpiresUtc'],
  'qod-1.0/invalid/sink-credential-plain-type.json': ['sink-credential@/sinkCredential/credentialType'],
  'qod-1.0/invalid/sink-credential-unknown-type.json': ['sink-credential@/sinkCredential/credentialType'],
  'qod-1.0/invalid/sink-not-a-uri.json': ['sink@/sink'],
  'qod-0.11/valid/duration-above-86400.json': [],
  'qod-0.11/valid/no-device.json': [],
  'qod-0.11/valid/port-zero.json': [],
  'qod-0.11/valid/retrieve-sessions-example.json': ['warn:phone-number@/device/phoneNumber', 'warn:ip-address-scope@/applicationServer/ipv4Address'],
  'qod-0.11/valid/schema-examples.json': ['warn:phone-number@/device/phoneNumber', 'warn:device-identifiers@/device/networkAccessIdentifier', 'warn:device-server-consistency@/device/ipv6Address'],
  'qod-0.11/valid/session-available-example.json': [],
  'qod-0.11/valid/session-unavailable-example.json': [],
  'qod-0.11/valid/sink-credential-access-token.json': [],
  'qod-0.11/valid/sink-http.json': ['warn:sink@/sink'],
  'qod-0.11/valid/unknown-property-allowed.json': [],
  'qod-0.11/invalid/duration-zero.json': ['duration-bounds@/duration'],
  'qod-0.11/invalid/missing-duration.json': ['schema@'],
  'qod-0.11/invalid/network-access-identifier-only.json': ['device-identifiers@/device'],
  'qod-0.11/invalid/phone-number-without-plus.json': ['phone-number@/device/phoneNumber'],
  'qod-0.11/invalid/port-above-65535.json': ['port-ranges@/devicePorts/ports/0'],
  'qod-0.11/invalid/server-ipv4-not-an-address.json': ['ip-address@/applicationServer/ipv4Address'],
  'qod-0.11/invalid/sink-credential-missing-access-token.json': ['sink-credential@/sinkCredential'],
  'qod-0.11/invalid/sink-credential-plain-type.json': ['sink-credential@/sinkCredential/credentialType'],
  'qod-0.11/invalid/sink-credential-refresh-token-type.json': ['sink-credential@/sinkCredential/credentialType'],
  'qod-0.11/invalid/sink-credential-token-type-not-bearer.json': ['sink-credential@/sinkCredential/accessTokenType'],
  'qod-0.11/invalid/sink-not-http.json': ['sink@/sink'],
  'qod-sdk/valid/duration-60.json': [],
  'qod-sdk/valid/full.json': [],
  'qod-sdk/valid/minimal.json': [],
  'qod-sdk/valid/phone-number-without-plus.json': [],
  'qod-sdk/valid/port-zero.json': [],
  'qod-sdk/valid/unknown-property-allowed.json': [],
  'qod-sdk/invalid/device-ipv4-public-address-alone.json': ['schema@/device/ipv4_address'],
  'qod-sdk/invalid/device-without-identifier.json': ['device-identifiers@/device'],
  'qod-sdk/invalid/duration-above-86400.json': ['duration-bounds@/duration'],
  'qod-sdk/invalid/duration-below-60.json': ['duration-bounds@/duration'],
  'qod-sdk/invalid/missing-device.json': ['schema@'],
  'qod-sdk/invalid/missing-qos-profile.json': ['schema@'],
  'qod-sdk/invalid/phone-number-with-letters.json': ['phone-number@/device/phone_number'],
  'qod-sdk/invalid/port-above-65535.json': ['port-ranges@/device_ports/ports/0'],
  'qod-sdk/invalid/port-range-reversed.json': ['port-ranges@/device_ports/ranges/0'],
  'qod-sdk/invalid/qos-profile-camel-case-key.json': ['info:dialect@', 'schema@'],
  'qod-sdk/invalid/server-ipv4-mask-too-wide.json': ['ip-address@/application_server/ipv4_address'],
  'qod-sdk/invalid/server-ipv4-octet-out-of-range.json': ['ip-address@/application_server/ipv4_address'],
  'qod-sdk/invalid/webhook-http.json': ['warn:sink@/webhook/notification_url'],
  'qod-sdk/invalid/webhook-url-not-a-uri.json': ['sink@/webhook/notification_url'],
  // CAMARA 0.10.1, 0.9.0 and 0.8.1 define no request example for createSession: each dialect's
  // yaml-field-examples.json is made of the `example` values of the schemas CreateSession uses.
  'qod-0.10/valid/device-ipv6-upper-case.json': [],
  'qod-0.10/valid/minimal.json': [],
  'qod-0.10/valid/phone-number-without-plus.json': [],
  'qod-0.10/valid/port-zero.json': [],
  'qod-0.10/valid/unknown-property-allowed.json': [],
  'qod-0.10/valid/yaml-field-examples.json': [
    'warn:phone-number@/device/phoneNumber',
    'warn:device-server-consistency@/device/ipv6Address',
    'info:ip-address-scope@/applicationServer/ipv4Address',
    'warn:ip-address-scope@/applicationServer/ipv4Address',
  ],
  'qod-0.10/invalid/device-ipv4-public-address-alone.json': ['schema@/device/ipv4Address'],
  'qod-0.10/invalid/duration-above-86400.json': ['duration-bounds@/duration'],
  'qod-0.10/invalid/missing-device.json': ['schema@'],
  'qod-0.10/invalid/phone-number-with-letters.json': ['phone-number@/device/phoneNumber'],
  'qod-0.10/invalid/port-above-65535.json': ['port-ranges@/applicationServerPorts/ranges/0/to'],
  'qod-0.10/invalid/server-ipv4-not-an-address.json': ['ip-address@/applicationServer/ipv4Address'],
  'qod-0.10/invalid/webhook-auth-token-too-short.json': ['schema@/webhook/notificationAuthToken'],
  'qod-0.10/invalid/webhook-http.json': ['warn:sink@/webhook/notificationUrl'],
  'qod-0.10/invalid/webhook-url-not-a-uri.json': ['sink@/webhook/notificationUrl'],
  'qod-0.10/invalid/webhook-without-notification-url.json': ['schema@/webhook'],
  // Under auto, a webhook body is 0.9 only where a device IPv6 address carries a prefix (0.10 forbids it).
  'qod-0.9/valid/device-ipv6-subnet.json': [],
  'qod-0.9/valid/device-ipv6-with-128-prefix.json': [],
  'qod-0.9/valid/yaml-field-examples.json': [
    'warn:phone-number@/device/phoneNumber',
    'info:ip-address-scope@/applicationServer/ipv4Address',
    'warn:ip-address-scope@/applicationServer/ipv4Address',
  ],
  'qod-0.9/invalid/device-ipv4-leading-zeros.json': ['ip-address@/device/ipv4Address/publicAddress'],
  'qod-0.9/invalid/device-ipv6-prefix-too-long.json': ['ip-address@/device/ipv6Address'],
  'qod-0.9/invalid/device-ipv6-upper-case.json': ['schema@/device/ipv6Address'],
  'qod-0.9/invalid/missing-qos-profile.json': ['schema@'],
  'qod-0.9/invalid/server-ipv4-mask-too-wide.json': ['ip-address@/applicationServer/ipv4Address'],
  'qod-0.9/invalid/webhook-auth-token-too-long.json': ['schema@/webhook/notificationAuthToken'],
  'qod-0.8/valid/minimal.json': [],
  'qod-0.8/valid/port-zero.json': [],
  'qod-0.8/valid/ue-ipv4-subnet.json': [],
  'qod-0.8/valid/unknown-property-allowed.json': [],
  'qod-0.8/valid/yaml-field-examples.json': [
    'warn:phone-number@/ueId/msisdn',
    'info:ip-address-scope@/ueId/ipv4addr',
    'warn:ip-address-scope@/ueId/ipv4addr',
    'warn:device-server-consistency@/ueId/ipv6addr',
    'info:ip-address-scope@/asId/ipv4addr',
    'warn:ip-address-scope@/asId/ipv4addr',
  ],
  'qod-0.8/invalid/as-ipv6-upper-case.json': ['schema@/asId/ipv6addr'],
  'qod-0.8/invalid/duration-above-86400.json': ['duration-bounds@/duration'],
  'qod-0.8/invalid/missing-ue-id.json': ['schema@'],
  'qod-0.8/invalid/msisdn-with-letters.json': ['phone-number@/ueId/msisdn'],
  'qod-0.8/invalid/notification-url-not-a-uri.json': ['sink@/notificationUrl'],
  'qod-0.8/invalid/port-range-reversed.json': ['port-ranges@/uePorts/ranges/0'],
  'qod-0.8/invalid/qos-not-in-enum.json': ['schema@/qos'],
  'qod-0.8/invalid/ue-id-empty.json': ['schema@/ueId'],
  'qod-0.8/invalid/ue-ipv4-mask-too-wide.json': ['ip-address@/ueId/ipv4addr'],
};

/** Dialects `auto` does not tell from qod-1.2 by keys alone. */
const named = new Set(['qod-1.1', 'qod-1.0', 'qod-0.11']);

const files = readdirSync(root).flatMap((dialect) =>
  ['valid', 'invalid'].flatMap((kind) => readdirSync(join(root, dialect, kind)).map((file) => `${dialect}/${kind}/${file}`)),
);

describe('fixtures', () => {
  it('lists every fixture in the table, and only those', () => {
    expect(files.sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(files)('%s', (file) => {
    const dialect = file.split('/')[0] as DialectId;
    const report = validateJson(readFileSync(join(root, file)), named.has(dialect) ? { dialect } : { dialect: 'auto' });
    expect(report.dialect).toBe(dialect);
    const found = report.issues.map((i) => `${i.severity === 'error' ? '' : `${i.severity}:`}${i.ruleId}@${i.path}`);
    expect(found).toEqual(expected[file]);
    if (file.includes('/valid/')) expect(report.valid).toBe(true);
    else expect(report.issues.length).toBeGreaterThan(0);
    for (const issue of report.issues) expect(issue.line, `${issue.ruleId} has a line`).toBeGreaterThanOrEqual(1);
  });
});
