// Why CAMARA demands that a case's body be rejected. A body the dialect's JSON Schema rejects
// (every qod-policy rule turned off, the specification's floor still finds it invalid) needs no
// citation. The rest is here: the findings that the API definition's prose (or a standard it
// names) makes errors, and those that follow from the operator's own configuration. A finding in
// neither is qod-policy's own strictness: a conformant endpoint may accept the body (and create a
// session), so the suite leaves it out. docs/probe.md, "What a case rests on", has this table.

import type { DialectFacts } from '../dialects/types.js';
import type { Basis } from './types.js';

type Source = (facts: DialectFacts) => Basis | undefined;

const prose = (source: string): Source => () => ({ kind: 'prose', source });
const policy = (source: string): Source => () => ({ kind: 'policy', source });

/** The application server's addresses in 0.10 to 1.1, which the YAML gives no pattern or format. */
const SERVER_ADDRESS = prose("ApplicationServer: an IPv4 or IPv6 address, or an address/mask; 'the bit width MUST be valid for the IP version'");

/** By `ruleId/messageId`, or `ruleId#variant` for the parser's cases. */
const SOURCES: Readonly<Record<string, Source>> = {
  'parse#no-body': prose('createSession: requestBody.required is true (test 400.2: 400 INVALID_ARGUMENT)'),
  'parse#malformed-json': prose('createSession: the request body is application/json (RFC 8259); text that is not JSON is no CreateSession'),
  'port-ranges/reversedRange': prose("PortsSpec.ranges: a range of ports from 'from' to 'to'; CAMARA 0.9 and 0.10 answer 'Invalid port ranges specified' with OUT_OF_RANGE (example InvalidDevicePortsRanges)"),
  'device-identifiers/missingIdentifier': (facts) =>
    facts.tokenRules === null
      ? undefined
      : {
          kind: 'prose',
          source:
            facts.release === 'r1.3'
              ? "info.description (Commonalities r0.4): with a 2-legged access token the device MUST be provided; 422 UNIDENTIFIABLE_DEVICE (test 422.4)"
              : "info.description, 'Identifying the device from the access token': with a 2-legged access token the device MUST be provided; 422 MISSING_IDENTIFIER (test C01.05)",
        },
  'device-identifiers/unnecessaryIdentifier': prose("info.description, 'Identifying the device from the access token': with a 3-legged access token the device MUST NOT be provided; 422 UNNECESSARY_IDENTIFIER (test C01.04)"),
  'device-identifiers/unsupportedIdentifier': prose(
    "Device NOTE2: 'networkAccessIdentifier is only part of the schema for future-proofing, and CAMARA does not currently allow its use'; none of the identifiers supported: 422 UNSUPPORTED_IDENTIFIER (test C01.06)",
  ),
  'ip-address/wrongFamily': SERVER_ADDRESS,
  'ip-address/badPrefix': SERVER_ADDRESS,
  'sink/notUri': prose('the notification is an HTTP request to this URL (the operation\'s callback), so it must be an absolute URI'),
  'sink/notHttps': prose("the notification is an HTTP request to this URL (the operation's callback); Commonalities: 'CAMARA notifications MUST use HTTPS'"),
  'sink/unusableUrl': prose("the notification is an HTTP request to this URL (the operation's callback); a TCP port is at most 65535, so the URL cannot be called (1.1 on: INVALID_SINK, 'sink not valid for the specified protocol')"),
  'sink/missingHost': prose('RFC 9110 section 4.2: an http(s) URI with an empty host is invalid and a recipient MUST reject it'),
  'sink-credential/unknownType': prose("SinkCredential.credentialType: 'With the current API version the type MUST be set to ACCESSTOKEN'; 400 INVALID_CREDENTIAL (test 'Invalid credential')"),
  'sink-credential/missingField': prose('AccessTokenCredential, the discriminator\'s mapping for ACCESSTOKEN, requires accessToken, accessTokenExpiresUtc and accessTokenType'),
  'sink-credential/expiryNoTimeZone': prose("accessTokenExpiresUtc: format date-time (RFC 3339, which requires a time offset); 'must have time zone'"),
  'sink-credential/expiryInvalid': prose('accessTokenExpiresUtc: format date-time (RFC 3339)'),
  'sink-credential/privateKeyJwtNotConfigured': policy(
    'policy.privateKeyJwtConfigured is not true: PRIVATE_KEY_JWT needs a client ID, token endpoint and JWKS shared beforehand; 422 PRIVATE_KEY_JWT_NOT_CONFIGURED (test 422.2)',
  ),
  'qos-profile/unknownProfile': policy('the QoS-profile catalogue given (--qos-profiles or policy.qosProfiles): a profile it lacks is 400 INVALID_ARGUMENT (test 400.8)'),
  'qos-profile/caseMismatch': policy('the QoS-profile catalogue given: names are compared exactly, so a profile it lacks is 400 INVALID_ARGUMENT (test 400.8)'),
  'qos-profile/notApplicable': policy('the QoS-profile catalogue given: a profile that is INACTIVE or DEPRECATED cannot be used for a new session'),
  'duration-bounds/belowProfileMinimum': policy("the QoS-profile catalogue given: the profile's minDuration (test 400.9)"),
  'duration-bounds/aboveProfileMaximum': policy("the QoS-profile catalogue given: the profile's maxDuration (test 400.9)"),
  'duration-bounds/belowPolicyMinimum': policy("the operator's policy.duration.min"),
  'duration-bounds/abovePolicyMaximum': policy("the operator's policy.duration.max"),
};

/**
 * The prose or policy behind a finding that the schema does not reject, or undefined when there is
 * none. `supportedIdentifiers` set by the operator makes an unsupported identifier a policy matter.
 */
export function proseBasis(facts: DialectFacts, ruleId: string, messageId: string, variant: string | undefined, operatorIdentifiers: boolean): Basis | undefined {
  if (ruleId === 'device-identifiers' && messageId === 'unsupportedIdentifier' && operatorIdentifiers) {
    return { kind: 'policy', source: 'policy.supportedIdentifiers: the identifier types the operator supports; none of them given is 422 UNSUPPORTED_IDENTIFIER (test C01.06)' };
  }
  const source = SOURCES[`${ruleId}#${variant ?? ''}`] ?? SOURCES[`${ruleId}/${messageId}`];
  return source?.(facts);
}
