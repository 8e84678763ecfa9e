// sink-credential: the credential the API provider uses to call the notification sink (CAMARA 0.11
// and later; the SDK model has none, so the rule does nothing there). JSON Schema cannot say all of
// it: the discriminator on credentialType is OpenAPI-only, 0.11 to 1.1 list PLAIN and REFRESHTOKEN
// in the enum while their prose allows only ACCESSTOKEN, accessTokenType's enum is lower case
// while the prose says 'Bearer', the expiry "must have time zone" and "should occur after the
// termination of the requested session", and PRIVATE_KEY_JWT needs configuration shared beforehand.
// This rule owns the schema keywords tagged "sink-credential" (credentialType and accessTokenType
// enums, each type's required list, the expiry's date-time format) and re-checks each of them; a
// type the dialect does not allow is answered as such (0.11 to 1.1: 400 INVALID_CREDENTIAL), which
// covers whatever else that type's own branch lacks.

import { defineRule } from './api.js';
import { dateTimeKind, dateTimeMs } from './utils/date-time.js';

import { docsUrl } from '../shared/docs-url.js';
import { printable } from '../shared/text.js';

/** The credential types whose fields this rule knows (CAMARA names, not dialect ids). */
const ACCESS_TOKEN = 'ACCESSTOKEN';
const PRIVATE_KEY_JWT = 'PRIVATE_KEY_JWT';
/** What AccessTokenCredential requires, in the schema's order. */
const ACCESS_TOKEN_FIELDS = ['accessToken', 'accessTokenExpiresUtc', 'accessTokenType'] as const;
/** The only token type of the spec's enum (lower case, although the prose writes 'Bearer'). */
const BEARER = 'bearer';
/** The last instant a Date can hold (ECMAScript: 8.64e15 ms after the epoch). */
const MAX_DATE_MS = 8.64e15;
/** Values quoted in messages are cut to this many characters. */
const SHOWN_LENGTH = 64;

function shown(value: string): string {
  // Escaped as every quoted value is: a message may reach a client, a log or a terminal.
  return printable(value, SHOWN_LENGTH);
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** A member of the body's credential object (an ordinary object: the accept pass checked). */
function member(credential: object, key: string): unknown {
  return (credential as Record<string, unknown>)[key];
}

export default defineRule({
  meta: {
    docs: {
      description: 'Sink credential of an allowed type, with the fields its type needs, a bearer token and an expiry with a time zone in the future.',
      url: docsUrl('sink-credential'),
    },
    messages: {
      unknownType: "sinkCredential.credentialType is '{{ value }}'; this API version allows only {{ allowed }}.",
      missingField: "sinkCredential of type ACCESSTOKEN is missing the required property '{{ property }}'.",
      notBearer: {
        text: "sinkCredential.accessTokenType is '{{ value }}'; only 'bearer' access tokens are supported.",
        code: 'INVALID_TOKEN',
      },
      bearerCase: {
        text: "sinkCredential.accessTokenType is '{{ value }}'; the specification's enum is lower-case 'bearer'.",
        code: 'INVALID_TOKEN',
      },
      expiryNoTimeZone:
        "sinkCredential.accessTokenExpiresUtc '{{ value }}' has no time zone; it must end in 'Z' or an offset such as '+01:00' (RFC 3339).",
      expiryInvalid: "sinkCredential.accessTokenExpiresUtc '{{ value }}' is not an RFC 3339 date-time such as '2030-01-01T00:00:00Z'.",
      expired: {
        text: "sinkCredential.accessTokenExpiresUtc '{{ value }}' is not after now ({{ now }}): the access token has expired.",
        level: 'secondary',
      },
      expiresBeforeSessionEnd: {
        text: "sinkCredential.accessTokenExpiresUtc '{{ value }}' is not after the end of the requested session ({{ sessionEnd }}); the token should outlive the session.",
        level: 'secondary',
      },
      privateKeyJwtNotConfigured: {
        text: "sinkCredential.credentialType is 'PRIVATE_KEY_JWT', but no client ID, token endpoint and JWKS were shared with this API provider beforehand.",
        status: 422,
        code: 'PRIVATE_KEY_JWT_NOT_CONFIGURED',
      },
      jwksUriReadOnly: {
        text: 'sinkCredential.jwksUri is read-only in the specification and should not be sent in a request.',
        level: 'secondary',
      },
      withoutSink: {
        text: 'sinkCredential is given without a sink, so it would never be used.',
        level: 'secondary',
      },
    },
    status: 400,
    code: 'INVALID_ARGUMENT',
    // A type among the dialect's facts (within the schema's enum), the fields ACCESSTOKEN requires,
    // a 'bearer' token type, an RFC 3339 expiry (format: date-time).
    fastKeywords: ['enum', 'required', 'format'],
  },
  check(model, ctx) {
    const credential = model.sinkCredential;
    const facts = ctx.dialect.sinkCredential;
    if (credential === undefined || facts === null) return;

    if (model.sink === undefined) ctx.report({ messageId: 'withoutSink', path: credential.path });

    // Absent or not a string: the schema's `required` / `type` finding; the fields are still checked.
    const type = credential.credentialType;
    if (type !== undefined && !facts.types.includes(type.value)) {
      ctx.report({
        messageId: 'unknownType',
        path: type.path,
        data: { value: shown(type.value), allowed: facts.types.join(', ') },
        error: facts.otherType,
      });
    }

    // Only where the dialect has the type (CAMARA 1.2); elsewhere it is unknownType above.
    if (type?.value === PRIVATE_KEY_JWT && facts.types.includes(PRIVATE_KEY_JWT)) {
      if (ctx.policy.privateKeyJwtConfigured !== true) ctx.report({ messageId: 'privateKeyJwtNotConfigured', path: type.path });
      if (credential.jwksUri !== undefined) ctx.report({ messageId: 'jwksUriReadOnly', path: credential.jwksUri.path });
    }

    // A PRIVATE_KEY_JWT credential does not declare the access-token fields: where it has one, that
    // is an unknown property (known-properties, at the field), and nothing more is said about it.
    if (type?.value === PRIVATE_KEY_JWT) return;
    // Otherwise the fields' own constraints hold whatever the type (as in the schema, which declares
    // every credential field once); only ACCESSTOKEN requires them.
    const { accessToken, accessTokenExpiresUtc: expiry, accessTokenType: tokenType } = credential;
    if (type?.value === ACCESS_TOKEN && (accessToken === undefined || expiry === undefined || tokenType === undefined)) {
      // A field of the wrong type is present (the schema says so); only absent ones are ours.
      for (const property of ACCESS_TOKEN_FIELDS) {
        if (!credential.given.includes(property)) ctx.report({ messageId: 'missingField', path: credential.path, data: { property } });
      }
    }

    if (tokenType !== undefined && tokenType.value !== BEARER) {
      const bearerCase = tokenType.value.toLowerCase() === BEARER;
      ctx.report({ messageId: bearerCase ? 'bearerCase' : 'notBearer', path: tokenType.path, data: { value: shown(tokenType.value) } });
    }

    if (expiry === undefined) return;
    const expiresAt = dateTimeMs(expiry.value);
    if (Number.isNaN(expiresAt)) {
      const messageId = dateTimeKind(expiry.value) === 'no-time-zone' ? 'expiryNoTimeZone' : 'expiryInvalid';
      ctx.report({ messageId, path: expiry.path, data: { value: shown(expiry.value) } });
      return;
    }
    const now = ctx.request.now?.getTime() ?? Date.now();
    if (expiresAt <= now) {
      ctx.report({ messageId: 'expired', path: expiry.path, data: { value: shown(expiry.value), now: iso(now) } });
      return;
    }
    // The session's length: as requested, or the dialect's default. A duration out of the dialect's
    // bounds is duration-bounds' finding and says nothing about when the session would end.
    const duration = model.duration?.value ?? ctx.dialect.duration.default;
    if (duration === undefined || duration < ctx.dialect.duration.min || duration > ctx.dialect.duration.max) return;
    const sessionEnd = now + duration * 1000;
    // A dialect without a maximum duration (CAMARA 0.11 to 1.1) accepts a session that would end
    // after the last instant a Date can hold (year 275760): there is no end to name, so nothing is said.
    if (sessionEnd > MAX_DATE_MS) return;
    if (expiresAt <= sessionEnd) {
      ctx.report({ messageId: 'expiresBeforeSessionEnd', path: expiry.path, data: { value: shown(expiry.value), sessionEnd: iso(sessionEnd) } });
    }
  },
  // check without findings, a little stricter where the schema reports (a field of the wrong type).
  // The expiry, whenever given, is an RFC 3339 date-time (format: date-time, which the rule owns).
  fast(view, ctx) {
    const credential = view.sinkCredential;
    const facts = ctx.dialect.sinkCredential;
    if (credential === undefined || facts === null) return true;
    if (typeof credential !== 'object' || credential === null || typeof view.sink !== 'string') return false;
    const type = member(credential, 'credentialType');
    if (typeof type !== 'string' || !facts.types.includes(type)) return false;
    const expiry = member(credential, 'accessTokenExpiresUtc');
    const expiresAt = expiry === undefined ? NaN : typeof expiry === 'string' ? dateTimeMs(expiry) : NaN;
    if (expiry !== undefined && Number.isNaN(expiresAt)) return false;
    if (type === PRIVATE_KEY_JWT) return expiry === undefined && ctx.policy.privateKeyJwtConfigured === true && member(credential, 'jwksUri') === undefined;
    const tokenType = member(credential, 'accessTokenType');
    if (tokenType !== undefined && tokenType !== BEARER) return false;
    if (type === ACCESS_TOKEN && (typeof member(credential, 'accessToken') !== 'string' || typeof expiry !== 'string' || typeof tokenType !== 'string')) return false;
    if (expiry === undefined) return true;
    const now = ctx.request.now?.getTime() ?? Date.now();
    if (expiresAt <= now) return false;
    const given = view.duration;
    const duration = Number.isInteger(given) ? (given as number) : ctx.dialect.duration.default;
    if (duration === undefined || duration < ctx.dialect.duration.min || duration > ctx.dialect.duration.max) return true;
    const sessionEnd = now + duration * 1000;
    return sessionEnd > MAX_DATE_MS || expiresAt > sessionEnd;
  },
});
