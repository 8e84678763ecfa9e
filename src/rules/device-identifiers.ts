// device-identifiers: which device a request is about. The schema only says what an identifier looks
// like; CAMARA's prose adds who may name the device (the access token or the body, one of them
// always, and from 1.0 never both), which identifier types the provider supports, and, in some
// versions, that several identifiers must name the same device. The last needs a device registry, so it runs only
// when the operator gives one (policy.resolveDevice); it may be asynchronous, which only
// validateAsync waits for, and never longer than policy.resolveDeviceTimeout: a registry that does
// not answer in time is an error like one that fails, never an allow.

import { DEVICE_IDENTIFIER_TYPES } from '../shared/identifiers.js';
import { fieldName } from '../shared/messages.js';
import { quoteKey } from '../shared/text.js';
import { defineRule } from './api.js';
import type { DeviceModel, SessionModel } from '../model/types.js';
import { isPlainObject } from '../shared/object.js';
import type { RuleContext } from './api.js';
import type { DeviceIdentifier, DeviceIdentifierType } from '../types.js';

import { docsUrl } from '../shared/docs-url.js';

type MessageId =
  | 'unnecessaryIdentifier'
  | 'missingIdentifier'
  | 'noIdentifier'
  | 'unsupportedIdentifier'
  | 'ignoredIdentifier'
  | 'identifierMismatch'
  | 'identifierNotFound'
  | 'needsAsync'
  | 'resolverFailed'
  | 'resolverTimeout';
type Context = RuleContext<MessageId>;

/** How long validateAsync waits for policy.resolveDevice by default, in milliseconds (types.ts Policy). */
const DEFAULT_RESOLVE_TIMEOUT = 1000;

/** Every identifier type, in the order CAMARA declares them (and findings name them). */
const TYPES: readonly DeviceIdentifierType[] = DEVICE_IDENTIFIER_TYPES;

/** The property every dialect with token rules (CAMARA 0.11 and later) names the device by. */
const DEVICE_PROPERTY = 'device';

/** The identifier of `type` the body gives (only when correctly typed: otherwise the schema says so). */
function given(device: DeviceModel, type: DeviceIdentifierType): { readonly path: string } | undefined {
  switch (type) {
    case 'phoneNumber':
      return device.phoneNumber;
    case 'networkAccessIdentifier':
      return device.networkAccessIdentifier;
    case 'ipv4Address':
      return device.ipv4Address;
    case 'ipv6Address':
      return device.ipv6Address;
  }
}

/** The identifier as the body spells it, e.g. `device.phone_number` (CAMARA 0.8: `ueId.msisdn`). */
function spelled(path: string): string {
  return fieldName(path);
}

/** The identifier in CAMARA's shape, whatever the dialect, for policy.resolveDevice. */
function identifier(device: DeviceModel, type: DeviceIdentifierType): DeviceIdentifier {
  switch (type) {
    case 'ipv4Address': {
      const ipv4 = device.ipv4Address!;
      const value: { publicAddress?: string; privateAddress?: string; publicPort?: number } = {};
      if (ipv4.publicAddress !== undefined) value.publicAddress = ipv4.publicAddress.value;
      if (ipv4.privateAddress !== undefined) value.privateAddress = ipv4.privateAddress.value;
      if (ipv4.publicPort !== undefined) value.publicPort = ipv4.publicPort.value;
      return { type, value };
    }
    case 'phoneNumber':
      return { type, value: device.phoneNumber!.value };
    case 'networkAccessIdentifier':
      return { type, value: device.networkAccessIdentifier!.value };
    case 'ipv6Address':
      return { type, value: device.ipv6Address!.value };
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

function reason(error: unknown): string {
  try {
    const text = error instanceof Error ? error.message : String(error);
    return text.length > 200 ? `${text.slice(0, 197)}...` : text;
  } catch {
    return 'unknown error';
  }
}

/** One identifier handed to the resolver, and what came back. */
interface Lookup {
  readonly path: string;
  /** The resolver's answer, or a promise of it while `pending`. */
  answer: unknown;
  pending: boolean;
  failed: boolean;
  /** No answer within policy.resolveDeviceTimeout (validateAsync). */
  timedOut: boolean;
  error?: unknown;
}

/** Judges the settled answers: resolver failures, identifiers naming different devices, or none known. */
function judge(lookups: readonly Lookup[], device: DeviceModel, ctx: Context, timeout: number): void {
  let failures = 0;
  let first: Lookup | undefined;
  let mismatch: Lookup | undefined;
  for (const lookup of lookups) {
    if (lookup.timedOut) {
      failures++;
      ctx.report({ messageId: 'resolverTimeout', path: lookup.path, data: { identifier: spelled(lookup.path), timeout } });
      continue;
    }
    if (lookup.failed) {
      failures++;
      ctx.report({ messageId: 'resolverFailed', path: lookup.path, data: { identifier: spelled(lookup.path), reason: reason(lookup.error) } });
      continue;
    }
    // A device id is a string; any other answer (undefined, null, ...) means "not known".
    if (typeof lookup.answer !== 'string') continue;
    if (first === undefined) first = lookup;
    else if (mismatch === undefined && lookup.answer !== first.answer) mismatch = lookup;
  }
  const mismatchError = ctx.dialect.identifierMismatch;
  if (mismatch !== undefined && first !== undefined && mismatchError !== null) {
    ctx.report({
      messageId: 'identifierMismatch',
      path: device.path,
      data: { first: spelled(first.path), second: spelled(mismatch.path) },
      error: mismatchError,
    });
  }
  if (first === undefined && failures === 0) {
    ctx.report({
      messageId: 'identifierNotFound',
      path: device.path,
      data: { identifiers: lookups.map((lookup) => spelled(lookup.path)).join(', ') },
      error: ctx.dialect.identifierNotFound,
    });
  }
}

/**
 * What the resolver gets besides the identifier: an AbortSignal, made only if the resolver reads it,
 * that is aborted when the rule stops waiting (the timeout under validateAsync; at once under
 * validate(), which never waits), so that the registry call can be cancelled.
 */
class ResolveOptions {
  private controller: AbortController | undefined;
  get signal(): AbortSignal {
    return (this.controller ??= new AbortController()).signal;
  }
  /** Aborts the signal, if anyone asked for it, with a TimeoutError as AbortSignal.timeout() does. */
  abort(message: string): void {
    this.controller?.abort(new DOMException(message, 'TimeoutError'));
  }
}

/** Asks policy.resolveDevice about each supported identifier; a promise only when it must wait. */
function resolve(
  resolver: NonNullable<Context['policy']['resolveDevice']>,
  device: DeviceModel,
  supported: readonly DeviceIdentifierType[],
  ctx: Context,
): void | Promise<void> {
  const timeout = ctx.policy.resolveDeviceTimeout ?? DEFAULT_RESOLVE_TIMEOUT;
  const options = new ResolveOptions();
  const lookups: Lookup[] = [];
  let waiting = false;
  for (const type of TYPES) {
    const field = given(device, type);
    if (field === undefined || !supported.includes(type)) continue;
    const lookup: Lookup = { path: field.path, answer: undefined, pending: false, failed: false, timedOut: false };
    try {
      lookup.answer = resolver(identifier(device, type), options);
      lookup.pending = isThenable(lookup.answer);
    } catch (error) {
      lookup.failed = true;
      lookup.error = error;
    }
    waiting ||= lookup.pending;
    lookups.push(lookup);
  }
  if (!waiting) return judge(lookups, device, ctx, timeout);

  if (!ctx.async) {
    // validate() cannot wait: make sure no rejection goes unhandled, tell the registry to stop,
    // report what failed already, and say what was not checked.
    const unchecked: string[] = [];
    for (const lookup of lookups) {
      if (lookup.pending) {
        Promise.resolve(lookup.answer).catch(() => undefined);
        unchecked.push(spelled(lookup.path));
      } else if (lookup.failed) {
        ctx.report({ messageId: 'resolverFailed', path: lookup.path, data: { identifier: spelled(lookup.path), reason: reason(lookup.error) } });
      }
    }
    options.abort('validate() does not wait for policy.resolveDevice; use validateAsync().');
    ctx.report({ messageId: 'needsAsync', path: device.path, data: { identifiers: unchecked.join(', ') } });
    return;
  }
  return waitFor(lookups, timeout, options).then(() => judge(lookups, device, ctx, timeout));
}

/**
 * Settles every pending lookup: with its answer, its failure, or, when `timeout` milliseconds pass
 * first, as timed out (answers arriving later are dropped). Never rejects; leaves no timer behind.
 */
function waitFor(lookups: readonly Lookup[], timeout: number, options: ResolveOptions): Promise<void> {
  return new Promise<void>((done) => {
    let open = 0;
    // Answers always come after this function returns (then() callbacks), so the timer is set by then.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settle = (lookup: Lookup) => {
      lookup.pending = false;
      if (--open > 0) return;
      clearTimeout(timer);
      done();
    };
    for (const lookup of lookups) {
      if (!lookup.pending) continue;
      open++;
      Promise.resolve(lookup.answer).then(
        (answer) => {
          if (!lookup.pending) return;
          lookup.answer = answer;
          settle(lookup);
        },
        (error: unknown) => {
          if (!lookup.pending) return;
          lookup.failed = true;
          lookup.error = error;
          settle(lookup);
        },
      );
    }
    timer = setTimeout(() => {
      for (const lookup of lookups) {
        if (!lookup.pending) continue;
        lookup.pending = false;
        lookup.timedOut = true;
      }
      options.abort(`policy.resolveDevice did not answer within ${timeout} ms.`);
      done();
    }, timeout);
  });
}

/** A device object without any declared identifier key (only unknown keys; `{}` is the schema's). */
function hasNoIdentifierKey(model: SessionModel, device: DeviceModel): boolean {
  if (device.unknownKeys.length === 0) return false;
  for (const type of TYPES) if (given(device, type) !== undefined) return false;
  // Declared keys with values of the wrong type are still identifiers (the schema reports their type).
  return device.keyCount === device.unknownKeys.length;
}

/** The unknown keys as a message lists them: a few, each quoted short and escaped. */
function listKeys(keys: readonly string[]): string {
  const shown = keys.slice(0, 5).map((key) => `'${quoteKey(key)}'`);
  return keys.length > 5 ? `${shown.join(', ')} and ${keys.length - 5} more` : shown.join(', ');
}

export default defineRule({
  meta: {
    docs: {
      description:
        'Device named by the token or the body as the token type demands, by at least one supported identifier, and (where the API version demands it) by identifiers that name the same device.',
      url: docsUrl('device-identifiers'),
    },
    messages: {
      unnecessaryIdentifier: {
        text: 'device must not be sent when the access token already identifies the device (3-legged token), even if both name the same device.',
        status: 422,
        code: 'UNNECESSARY_IDENTIFIER',
      },
      missingIdentifier: {
        text: "The request body has no '{{ property }}', which is required when the access token does not identify the device (2-legged token).",
        status: 422,
        code: 'MISSING_IDENTIFIER',
      },
      noIdentifier: {
        text: '{{ field }} has no device identifier, only {{ keys }}; it needs a phone number, a network access identifier, an IPv4 address or an IPv6 address.',
        status: 400,
        code: 'INVALID_ARGUMENT',
      },
      unsupportedIdentifier: {
        text: 'device is identified only by {{ identifiers }}, which this API provider does not support; supported identifier types: {{ supported }}.',
        status: 422,
        code: 'UNSUPPORTED_IDENTIFIER',
      },
      ignoredIdentifier: {
        text: '{{ identifier }} is not an identifier type this API provider supports ({{ supported }}); it is ignored and another identifier given is used.',
        status: 422,
        code: 'UNSUPPORTED_IDENTIFIER',
        level: 'secondary',
      },
      identifierMismatch: {
        text: '{{ first }} and {{ second }} name different devices; all identifiers given must belong to the same device.',
        status: 422,
        code: 'IDENTIFIER_MISMATCH',
      },
      identifierNotFound: {
        text: 'No device is known for the identifiers given ({{ identifiers }}).',
        status: 404,
        code: 'IDENTIFIER_NOT_FOUND',
      },
      needsAsync: {
        text: 'policy.resolveDevice answered with a promise, so validate() could not check which device {{ identifiers }} name; use validateAsync() to wait for the device registry.',
        status: 500,
        code: 'INTERNAL',
        level: 'secondary',
      },
      resolverFailed: {
        text: 'The device registry (policy.resolveDevice) failed for {{ identifier }}, so the device could not be checked.',
        status: 500,
        code: 'INTERNAL',
      },
      resolverTimeout: {
        text: 'The device registry (policy.resolveDevice) did not answer for {{ identifier }} within {{ timeout }} ms, so the device could not be checked.',
        status: 500,
        code: 'INTERNAL',
      },
    },
    status: 422,
    code: 'UNSUPPORTED_IDENTIFIER',
  },
  check(model, ctx) {
    const device = model.device;
    const tokenRules = ctx.dialect.tokenRules;
    const token = tokenRules === null ? undefined : ctx.request.tokenIdentifiesDevice;

    if (device === undefined) {
      // A device of the wrong type is the schema's finding, not a missing one.
      if (token === false && !model.given.device) {
        ctx.report({ messageId: 'missingIdentifier', path: '', data: { property: DEVICE_PROPERTY }, error: tokenRules!.missingDevice });
      }
      return;
    }

    if (token === true && tokenRules!.unnecessaryDevice !== null) {
      ctx.report({ messageId: 'unnecessaryIdentifier', path: device.path, error: tokenRules!.unnecessaryDevice });
    }

    if (hasNoIdentifierKey(model, device)) {
      ctx.report({ messageId: 'noIdentifier', path: device.path, data: { field: fieldName(device.path), keys: listKeys(device.unknownKeys) } });
      return;
    }
    // The token names the device: the body's identifiers are not used, so there is nothing more to judge.
    if (token === true) return;

    const supported = ctx.policy.supportedIdentifiers ?? ctx.dialect.defaultSupportedIdentifiers;
    let supportedCount = 0;
    let unsupportedCount = 0;
    for (const type of TYPES) {
      if (given(device, type) === undefined) continue;
      if (supported.includes(type)) supportedCount++;
      else unsupportedCount++;
    }
    if (supportedCount + unsupportedCount === 0) return;

    if (unsupportedCount > 0) {
      const unsupported: string[] = [];
      for (const type of TYPES) {
        const field = given(device, type);
        if (field !== undefined && !supported.includes(type)) unsupported.push(field.path);
      }
      const supportedList = supported.length === 0 ? 'none' : supported.join(', ');
      if (supportedCount === 0) {
        ctx.report({
          messageId: 'unsupportedIdentifier',
          path: device.path,
          data: { identifiers: unsupported.map(spelled).join(', '), supported: supportedList },
          error: ctx.dialect.unsupportedIdentifier,
        });
        return;
      }
      for (const path of unsupported) {
        ctx.report({ messageId: 'ignoredIdentifier', path, data: { identifier: spelled(path), supported: supportedList }, error: ctx.dialect.unsupportedIdentifier });
      }
    }

    const resolver = ctx.policy.resolveDevice;
    if (resolver === undefined) return;
    return resolve(resolver, device, supported, ctx);
  },
  // check without findings; a device registry (policy.resolveDevice) is never answered for.
  fast(view, ctx) {
    const tokenRules = ctx.dialect.tokenRules;
    const token = tokenRules === null ? undefined : ctx.request.tokenIdentifiesDevice;
    const device = view.device;
    if (!isPlainObject(device)) return !(token === false && device === undefined);
    if (token === true && tokenRules!.unnecessaryDevice !== null) return false;
    const supported = ctx.policy.supportedIdentifiers ?? ctx.dialect.defaultSupportedIdentifiers;
    // The identifiers given, as the model has them (the device's IPv4 address is an object, or one
    // string in CAMARA 0.8: the schema has checked which).
    const phone = typeof view.phoneNumber === 'string';
    const nai = typeof view.networkAccessIdentifier === 'string';
    const ipv4 = typeof view.ipv4Address === 'string' || isPlainObject(view.ipv4Address);
    const ipv6 = typeof view.ipv6Address === 'string';
    // None given: perhaps only unknown members (noIdentifier); not worth telling apart here.
    if (!phone && !nai && !ipv4 && !ipv6) return false;
    if (token === true) return true;
    if ((phone && !supported.includes('phoneNumber')) || (nai && !supported.includes('networkAccessIdentifier'))) return false;
    if ((ipv4 && !supported.includes('ipv4Address')) || (ipv6 && !supported.includes('ipv6Address'))) return false;
    return ctx.policy.resolveDevice === undefined;
  },
});
