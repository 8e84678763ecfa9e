// The accept pass (docs/performance.md): for a body that gets no issue at all, the report is the
// empty one, and this decides it without the engine's stages. Each dialect's pass is generated at
// build time from its schema (scripts/accept-codegen.mjs): one walk that checks the schema's
// keywords and the limits (./limits.ts), without error objects, and stores the values the neutral
// model is made of in a list of slots. Then every enabled rule's fast check reads those values
// (RuleDefinition.fast). Only when all of them answer true is the body clean; any doubt (a keyword
// that fails, a rule without a fast check, a fast check that is not sure) answers false, and the
// full engine runs as it always did. So the pass can only ever produce the empty report, and only
// for bodies the engine gives the empty report (test/fuzz/accept.test.ts compares them).
//
// Little is allocated per call: the slots are one list per dialect (a call that comes in while one
// runs, from a getter of the body, is simply not sure), the fast checks' contexts one per rule and
// configuration; only the view the fast checks read is a new object (three, with the two ports
// lists), which V8 writes faster than a long-lived one. For a JSON text (validateJson), the
// separators the pass counts stand for the duplicate-key test's walk of the value.

import type { Dialect, DialectFacts } from '../dialects/types.js';
import type { KeyMap } from '../model/build-model.js';
import type { DevicePrefixes, FastView } from '../model/types.js';
import type { FastContext, RuleDefinition } from '../rules/api.js';
import type { AcceptFlags, CompiledSchema } from '../schema/compiled-schema.js';
import { hasNoDuplicateKeys } from '../parse/index.js';
import { escapePointerSegment } from '../shared/pointer.js';
import type { DialectId, Policy, RequestContext, RuleOptions } from '../types.js';
import type { ResolvedConfig } from './config.js';
import { within, type WalkCounts } from './limits.js';

// #region One dialect: slots and view

/** The view's fields that come from a slot of the generated pass. */
type Slotted =
  | 'device'
  | 'phoneNumber'
  | 'networkAccessIdentifier'
  | 'ipv4Address'
  | 'publicAddress'
  | 'privateAddress'
  | 'publicPort'
  | 'ipv6Address'
  | 'applicationServer'
  | 'serverAddressList'
  | 'serverIpv4Address'
  | 'serverIpv6Address'
  | 'devicePortRanges'
  | 'devicePortList'
  | 'serverPortRanges'
  | 'serverPortList'
  | 'qosProfile'
  | 'duration'
  | 'sink'
  | 'sinkCredential';

/**
 * Where the model (src/model/build-model.ts) reads each field, as an instance pointer, from the
 * dialect's key map; undefined where the dialect has no such field.
 */
function pointersOf(k: KeyMap): Record<Slotted, string | undefined> {
  const at = (...segments: string[]): string => segments.map((s) => `/${escapePointerSegment(s)}`).join('');
  const stringIpv4 = k.deviceIpv4AddressIsString === true;
  return {
    device: at(k.device),
    phoneNumber: at(k.device, k.phoneNumber),
    networkAccessIdentifier: at(k.device, k.networkAccessIdentifier),
    ipv4Address: at(k.device, k.deviceIpv4Address),
    publicAddress: stringIpv4 ? undefined : at(k.device, k.deviceIpv4Address, k.publicAddress),
    privateAddress: stringIpv4 ? undefined : at(k.device, k.deviceIpv4Address, k.privateAddress),
    publicPort: stringIpv4 ? undefined : at(k.device, k.deviceIpv4Address, k.publicPort),
    ipv6Address: at(k.device, k.deviceIpv6Address),
    applicationServer: at(k.applicationServer),
    serverAddressList: k.ipAddresses === undefined ? undefined : at(k.applicationServer, k.ipAddresses),
    serverIpv4Address: at(k.applicationServer, k.serverIpv4Address),
    serverIpv6Address: at(k.applicationServer, k.serverIpv6Address),
    devicePortRanges: at(k.devicePorts, k.ranges),
    devicePortList: at(k.devicePorts, k.ports),
    serverPortRanges: at(k.applicationServerPorts, k.ranges),
    serverPortList: at(k.applicationServerPorts, k.ports),
    qosProfile: at(k.qosProfile),
    duration: at(k.duration),
    sink: k.sink !== undefined ? at(k.sink) : k.webhook !== undefined ? at(k.webhook[0], k.webhook[1]) : undefined,
    sinkCredential: k.sinkCredential === undefined ? undefined : at(k.sinkCredential),
  };
}

/** Slot index per field (`none` for a field the dialect lacks: a slot that is never written). */
type Slots = Readonly<Record<Slotted, number>>;

/**
 * A dialect's generated pass with its slots (one per dialect, shared by configurations). An accepted
 * body's values stay in the slots until the next body (small: within the limits); anything else is
 * forgotten at once.
 */
class DialectPass {
  /** The generated pass's slots, and one more that is never written (for fields the dialect lacks). */
  readonly raw: unknown[];
  private readonly at: Slots;
  private readonly prefixes: DevicePrefixes | undefined;
  /** How the dialect spells a range's ends. */
  private readonly from: string;
  private readonly to: string;
  /** Whether a pass is running (a getter of the body may call validate again: that call is not sure). */
  busy = false;

  constructor(readonly dialect: Dialect) {
    const { positions } = dialect.schema;
    const none = positions.length;
    const at = pointersOf(dialect.keys) as unknown as Record<Slotted, number>;
    for (const [field, pointer] of Object.entries(at) as [Slotted, unknown][]) {
      if (pointer === undefined) {
        at[field] = none;
        continue;
      }
      const slot = positions.indexOf(pointer as string);
      // A place the model reads that the pass does not store: the view would say "absent" for a
      // value the rules see. Such a dialect has no accept pass (test/engine/accept.test.ts).
      if (slot < 0) throw new Error(`The accept pass of ${dialect.facts.id} stores nothing at ${pointer as string}.`);
      at[field] = slot;
    }
    // CAMARA 0.8: the device's IPv4 address is one string, the model's publicAddress.
    if (dialect.keys.deviceIpv4AddressIsString === true) at.publicAddress = at.ipv4Address;
    // An object literal's own shape (fast properties), its values now slot numbers.
    this.at = at;
    // Packed, not holey: every element is there.
    this.raw = Array.from({ length: none + 1 }, () => undefined);
    this.prefixes = dialect.keys.devicePrefixes;
    this.from = dialect.keys.from;
    this.to = dialect.keys.to;
  }

  /** The view of the body the walk accepted (it wrote every slot). */
  view(): FastView {
    const { raw, at, from, to } = this;
    // A new object each time: stores into it are cheaper than into one that lives long (V8's
    // write barrier for a young value in an old object), and it keeps nothing of the body.
    return {
      device: raw[at.device],
      phoneNumber: raw[at.phoneNumber],
      networkAccessIdentifier: raw[at.networkAccessIdentifier],
      ipv4Address: raw[at.ipv4Address],
      publicAddress: raw[at.publicAddress],
      privateAddress: raw[at.privateAddress],
      publicPort: raw[at.publicPort],
      ipv6Address: raw[at.ipv6Address],
      devicePrefixes: this.prefixes,
      applicationServer: raw[at.applicationServer],
      serverAddressList: raw[at.serverAddressList],
      serverIpv4Address: raw[at.serverIpv4Address],
      serverIpv6Address: raw[at.serverIpv6Address],
      devicePorts: { ranges: raw[at.devicePortRanges], ports: raw[at.devicePortList], from, to },
      applicationServerPorts: { ranges: raw[at.serverPortRanges], ports: raw[at.serverPortList], from, to },
      qosProfile: raw[at.qosProfile],
      duration: raw[at.duration],
      sink: raw[at.sink],
      sinkCredential: raw[at.sinkCredential],
    };
  }

  /** Forgets the body a pass did not accept (it may have stopped halfway through the slots). */
  clear(): void {
    this.raw.fill(undefined);
  }
}

const dialectPasses = new Map<Dialect, DialectPass | null>();

/** The dialect's pass; null when its key map names a place the pass does not store. */
function dialectPass(dialect: Dialect): DialectPass | null {
  let pass = dialectPasses.get(dialect);
  if (pass === undefined) {
    try {
      pass = new DialectPass(dialect);
    } catch {
      pass = null;
    }
    dialectPasses.set(dialect, pass);
  }
  return pass;
}

/** For tests: whether the dialect has an accept pass, or why not. */
export function _acceptPassProblem(dialect: Dialect): string | undefined {
  try {
    new DialectPass(dialect);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

// #endregion

// #region One configuration

/** A fast check's context: made once per rule and configuration; `request` is the running call's. */
interface FastSlot {
  readonly rule: RuleDefinition;
  readonly fast: (view: FastView, ctx: FastContext) => boolean;
  readonly ctx: { readonly options: RuleOptions; readonly policy: Policy; request: RequestContext; readonly dialect: Dialect['facts'] };
}

/**
 * The dialect's facts for the fast checks: the same members in the same order whatever the dialect
 * (some dialects' facts have members others lack), so that a process judging several dialects
 * reads them all through one shape, which is faster for V8 than five.
 */
function uniformFacts(facts: DialectFacts): DialectFacts {
  const uniform = {
    id: facts.id,
    apiVersion: facts.apiVersion,
    release: facts.release,
    phoneNumber: facts.phoneNumber,
    port: facts.port,
    duration: { min: facts.duration.min, max: facts.duration.max, default: facts.duration.default },
    defaultSupportedIdentifiers: facts.defaultSupportedIdentifiers,
    tokenRules: facts.tokenRules,
    unsupportedIdentifier: facts.unsupportedIdentifier,
    identifierMismatch: facts.identifierMismatch,
    identifierNotFound: facts.identifierNotFound,
    sinkHttpsRequired: facts.sinkHttpsRequired,
    sinkMaxLength: facts.sinkMaxLength,
    invalidSink: facts.invalidSink,
    serverAddressList: facts.serverAddressList,
    sinkCredential: facts.sinkCredential,
    profileDurationError: facts.profileDurationError,
    profileNotApplicable: facts.profileNotApplicable,
    ruleDefaults: facts.ruleDefaults,
    answers: facts.answers,
    errorInfo: facts.errorInfo,
  };
  return uniform as DialectFacts;
}

/** One configuration's pass in one dialect. */
interface ConfiguredPass {
  readonly shared: DialectPass;
  /** The dialect's generated pass (read once: a module namespace's members cost more to read). */
  readonly walk: CompiledSchema['accept'];
  readonly flags: AcceptFlags;
  /** The same with every keyword evaluated (none left to a rule): the schema alone (schemaAccepts). */
  readonly schemaFlags: AcceptFlags;
  /** The enabled rules' fast checks; null when one of them has none (no body is then clean for the pass). */
  readonly checks: readonly FastSlot[] | null;
  /** The request context the checks' contexts hold. */
  request: RequestContext | undefined;
}

/**
 * The pass of a configuration in a dialect, or null when its walk cannot run: the dialect has no
 * pass, or the limits are tighter than the structure it walks.
 */
function configure(config: ResolvedConfig, dialect: Dialect): ConfiguredPass | null {
  const shared = dialectPass(dialect);
  if (shared === null) return null;
  const { limits } = config;
  const { acceptOwners, acceptLeft, acceptReach } = dialect.schema;
  if (limits.maxDepth < acceptReach.depth || limits.maxStringLength < acceptReach.key) return null;
  const active = config.activeRules[dialect.facts.id];
  let checks: FastSlot[] | null = [];
  const facts = uniformFacts(dialect.facts);
  for (const { rule, options } of active) {
    if (typeof rule.fast !== 'function') {
      checks = null;
      break;
    }
    checks.push({ rule, fast: rule.fast, ctx: { options, policy: config.policy, request: config.request, dialect: facts } });
  }
  const o = Uint8Array.from(acceptOwners, (id) => (active.some((rule) => rule.id === id) ? 1 : 0));
  const s = Uint8Array.from(acceptLeft, ([id, keyword]) => {
    const owner = active.find((rule) => rule.id === id);
    return owner !== undefined && typeof owner.rule.fast === 'function' && owner.rule.meta.fastKeywords?.includes(keyword!) === true ? 1 : 0;
  });
  const counts: WalkCounts = { separators: 0 };
  const flags: AcceptFlags = {
    s,
    o,
    ms: limits.maxStringLength,
    ma: limits.maxArrayLength,
    mp: limits.maxProperties,
    mv: limits.maxValues,
    w: (value, depth, budget) => within(value, depth, limits, budget, counts),
    c: counts,
    t: false,
  };
  return { shared, walk: dialect.schema.accept, flags, schemaFlags: { ...flags, s: new Uint8Array(s.length) }, checks, request: config.request };
}

/** The passes of one configuration, per dialect, made when first needed (null: the walk cannot run there). */
export type AcceptPasses = Partial<Record<DialectId, ConfiguredPass | null>>;

// #endregion

/**
 * For tests: `enabled` false turns the pass off (the engine's stages answer every body, as before
 * it existed); `answered` counts the bodies it answered for.
 */
export const _acceptSwitch = { enabled: true, answered: 0 };

/** Whether every fast check answers true (each called with its rule as `this`). */
function runChecks(checks: readonly FastSlot[], view: FastView): boolean {
  for (let i = 0; i < checks.length; i++) if (checks[i]!.fast.call(checks[i]!.rule, view, checks[i]!.ctx) !== true) return false;
  return true;
}

const EMPTY_OBJECT = {};

/** Whether Object.prototype has enumerable members (someone polluted it): the walk's for...in would meet them. */
function prototypeIsPolluted(): boolean {
  for (const _ in EMPTY_OBJECT) return true;
  return false;
}

/**
 * Whether the dialect's schema certainly accepts the payload, under the configuration's 'x-beyond-spec'
 * keywords (those of enabled owners count) and within its limits: the accept pass's walk with every
 * keyword evaluated. The engine then needs no ajv for a body the pass was not sure about (a rule
 * without a fast check, a warning): ajv would pass it too. false: not sure. Never throws.
 */
export function schemaAccepts(config: ResolvedConfig, dialect: Dialect, payload: unknown): boolean {
  if (!_acceptSwitch.enabled) return false;
  const id = dialect.facts.id;
  let pass = config.accept[id];
  if (pass === undefined) pass = config.accept[id] = configure(config, dialect);
  if (pass === null) return false;
  const { shared } = pass;
  if (shared.busy) return false;
  shared.busy = true;
  try {
    pass.schemaFlags.t = false;
    return !prototypeIsPolluted() && pass.walk(payload, shared.raw, pass.schemaFlags) >= 0;
  } catch {
    return false;
  } finally {
    shared.clear();
    shared.busy = false;
  }
}

/**
 * Whether the engine's report for `payload`, judged as `dialect` under `config` with this request
 * context, is certainly the empty one; for a value JSON.parse made of `text`, also that the text has
 * no key twice (a duplicate is a parse finding). false: not sure (run the engine). Never throws.
 */
export function acceptsClean(config: ResolvedConfig, dialect: Dialect, payload: unknown, request: RequestContext, text?: string): boolean {
  const id = dialect.facts.id;
  let pass = config.accept[id];
  if (pass === undefined) pass = config.accept[id] = configure(config, dialect);
  if (pass === null || pass.checks === null || !_acceptSwitch.enabled) return false;
  const { shared, checks } = pass;
  if (shared.busy) return false;
  shared.busy = true;
  let clean = false;
  try {
    if (prototypeIsPolluted()) return false;
    // A JSON text's value is JSON.parse's own: no getters, no prototypes but Object.prototype.
    pass.flags.t = text !== undefined;
    const separators = pass.walk(payload, shared.raw, pass.flags);
    // The separators the pass counted stand for the duplicate-key test's walk of the value.
    if (separators < 0 || (text !== undefined && !hasNoDuplicateKeys(text, separators))) return false;
    if (pass.request !== request) {
      for (let i = 0; i < checks.length; i++) checks[i]!.ctx.request = request;
      pass.request = request;
    }
    if (!runChecks(checks, shared.view())) return false;
    _acceptSwitch.answered++;
    return (clean = true);
  } catch {
    // A getter or Proxy trap that throws, a fast check that fails: not sure.
    return false;
  } finally {
    if (!clean) shared.clear();
    shared.busy = false;
  }
}
