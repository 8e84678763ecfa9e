// Hostile JavaScript values: what a caller of validate() can hand over that JSON text cannot hold.
// An arbitrary yields a recipe (plain data, printed as the counterexample); `build` makes the value
// afresh for every run, since a getter that counts its reads or a revoked Proxy must not be shared
// between runs or replays.
import fc from 'fast-check';
import { DEFAULT_LIMITS } from '../../src/engine/limits.js';
import { containers, places, replaced, token, validBody } from './bodies.js';

/** Values a getter or a trap can throw, each awkward for an error handler in its own way. */
const THROWN = {
  error: () => new Error('boom'),
  'an Error whose message forges log lines': () => new Error('x\r\n::error file=a::forged\u001b[2J\u0085'),
  'a null-prototype object': () => Object.create(null) as object,
  'an object whose message getter throws': () => ({
    get message(): string {
      throw Object.create(null);
    },
  }),
  'an Error whose message getter throws': () => {
    const error = new Error('x');
    Object.defineProperty(error, 'message', {
      get() {
        throw error;
      },
    });
    return error;
  },
  'an object whose toString and valueOf throw': () => ({
    toString() {
      throw new Error('toString');
    },
    valueOf() {
      throw new Error('valueOf');
    },
  }),
  'a Symbol': () => Symbol('thrown'),
  undefined: () => undefined,
  null: () => null,
  'a number': () => 42,
  'a string of a megabyte': () => 'x'.repeat(1 << 20),
  'a Proxy that throws on every trap': () => new Proxy({}, everyTrap(() => Object.create(null))),
  'a revoked Proxy': () => revoked(),
} as const;

type Thrown = keyof typeof THROWN;

const TRAPS = ['get', 'getOwnPropertyDescriptor', 'ownKeys', 'has', 'getPrototypeOf', 'isExtensible', 'set', 'defineProperty', 'deleteProperty'] as const;

function everyTrap(thrown: () => unknown): ProxyHandler<object> {
  const handler: ProxyHandler<object> = {};
  for (const trap of TRAPS) {
    (handler as Record<string, unknown>)[trap] = () => {
      throw thrown();
    };
  }
  return handler;
}

function revoked(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

/**
 * What a recipe puts at its place. `transparent` kinds hold the same JSON as the plain body (the
 * report must be the one the plain body gets); `limit` kinds are beyond a default limit (the report
 * must be that one 'limits' finding); the others only have to keep every general promise.
 */
type Hostile =
  | { kind: 'throwing getter'; thrown: Thrown }
  | { kind: 'throwing item getter'; thrown: Thrown }
  | { kind: 'throwing trap'; trap: (typeof TRAPS)[number]; thrown: Thrown }
  | { kind: 'revoked Proxy' }
  | { kind: 'transparent'; wrapper: Wrapper }
  | { kind: 'exotic'; value: Exotic }
  | { kind: 'sparse array'; length: number; items: number }
  | { kind: 'cycle'; up: number }
  | { kind: 'deep'; depth: number }
  | { kind: 'wide'; properties: number }
  | { kind: 'long string'; length: number; asKey: boolean }
  | { kind: 'many values' }
  | { kind: 'odd key'; key: '__proto__' | 'constructor' | 'prototype' | 'toString' | 'hasOwnProperty' | 'valueOf' }
  | { kind: 'hidden throwing getter'; thrown: Thrown; on: 'own non-enumerable' | 'prototype' }
  | { kind: 'getter that changes its answer'; later: 'a long string' | 'a deep object' | 'a throw' };

const WRAPPERS = [
  'null-prototype copy',
  'class instance copy',
  'frozen',
  'sealed',
  'getter returning it',
  'Proxy without traps',
  'Proxy with pass-through traps',
  'extra symbol key',
  'extra non-enumerable key',
  'array subclass',
] as const;
type Wrapper = (typeof WRAPPERS)[number];

const EXOTICS = [
  'Date',
  'invalid Date',
  'Map',
  'Set',
  'Uint8Array',
  'Float64Array',
  'ArrayBuffer',
  'DataView',
  'boxed Number',
  'boxed String',
  'boxed Boolean',
  'RegExp',
  'Error',
  'Promise',
  'WeakMap',
  'function',
  'arguments',
  'Symbol',
  'BigInt',
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '2^53 + 2',
  'Number.MIN_VALUE',
  'a short holey array',
  'an array-like object',
] as const;
type Exotic = (typeof EXOTICS)[number];

const CONTAINER_KINDS = new Set<Hostile['kind']>(['throwing trap', 'revoked Proxy', 'transparent', 'cycle']);

const hostile: fc.Arbitrary<Hostile> = fc.oneof(
  fc.record({ kind: fc.constant('throwing getter' as const), thrown: fc.constantFrom(...(Object.keys(THROWN) as Thrown[])) }),
  fc.record({ kind: fc.constant('throwing item getter' as const), thrown: fc.constantFrom(...(Object.keys(THROWN) as Thrown[])) }),
  fc.record({ kind: fc.constant('throwing trap' as const), trap: fc.constantFrom(...TRAPS), thrown: fc.constantFrom(...(Object.keys(THROWN) as Thrown[])) }),
  fc.constant({ kind: 'revoked Proxy' as const }),
  fc.record({ kind: fc.constant('transparent' as const), wrapper: fc.constantFrom(...WRAPPERS) }),
  fc.record({ kind: fc.constant('exotic' as const), value: fc.constantFrom(...EXOTICS) }),
  fc.record({
    kind: fc.constant('sparse array' as const),
    length: fc.oneof(fc.integer({ min: DEFAULT_LIMITS.maxArrayLength + 1, max: 2 ** 32 - 1 }), fc.constantFrom(1e6, 5e7, 2 ** 32 - 1)),
    items: fc.nat({ max: 3 }),
  }),
  fc.record({ kind: fc.constant('cycle' as const), up: fc.nat({ max: 4 }) }),
  fc.record({ kind: fc.constant('deep' as const), depth: fc.oneof(fc.integer({ min: DEFAULT_LIMITS.maxDepth + 1, max: 200 }), fc.constant(100_000)) }),
  fc.record({ kind: fc.constant('wide' as const), properties: fc.integer({ min: DEFAULT_LIMITS.maxProperties + 1, max: 2000 }) }),
  fc.record({ kind: fc.constant('long string' as const), length: fc.oneof(fc.integer({ min: DEFAULT_LIMITS.maxStringLength + 1, max: 100_000 }), fc.constant(10_000_000)), asKey: fc.boolean() }),
  fc.constant({ kind: 'many values' as const }),
  fc.record({ kind: fc.constant('odd key' as const), key: fc.constantFrom('__proto__' as const, 'constructor' as const, 'prototype' as const, 'toString' as const, 'hasOwnProperty' as const, 'valueOf' as const) }),
  fc.record({ kind: fc.constant('hidden throwing getter' as const), thrown: fc.constantFrom(...(Object.keys(THROWN) as Thrown[])), on: fc.constantFrom('own non-enumerable' as const, 'prototype' as const) }),
  // Not 'a sparse array': a getter that answers the limits walk plainly and then returns an array
  // with a length in the billions makes the compiled schema loop over it (a known gap, SECURITY.md:
  // validate() trusts a caller's objects to stay the same while it reads them).
  fc.record({ kind: fc.constant('getter that changes its answer' as const), later: fc.constantFrom('a long string' as const, 'a deep object' as const, 'a throw' as const) }),
);

/** A recipe: a valid body, a place in it (by index among the places that suit the kind), and what goes there. */
export interface Recipe {
  body: Record<string, unknown>;
  place: number;
  hostile: Hostile;
}

export const recipes: fc.Arbitrary<Recipe> = fc.record({ body: validBody(), place: fc.nat(), hostile });

/** What the report must be, beyond the general promises. */
type Expectation =
  | { kind: 'same as plain'; plain: unknown }
  | { kind: 'one limits finding'; messageId: string; path: string; below: boolean }
  | { kind: 'general' };

export interface Built {
  input: unknown;
  /** The pointer of the place. */
  path: string;
  expect: Expectation;
  /** Whether the same input gives the same report (a getter that changes its answer need not). */
  deterministic: boolean;
}

function exotic(name: Exotic): unknown {
  switch (name) {
    case 'Date':
      return new Date(0);
    case 'invalid Date':
      return new Date(Number.NaN);
    case 'Map':
      return new Map<unknown, unknown>([['phoneNumber', '+34600000001'], [{}, 1]]);
    case 'Set':
      return new Set([1, 'a']);
    case 'Uint8Array':
      return Uint8Array.from([1, 2, 3]);
    case 'Float64Array':
      return Float64Array.from([Number.NaN, -0, 1e308]);
    case 'ArrayBuffer':
      return new ArrayBuffer(8);
    case 'DataView':
      return new DataView(new ArrayBuffer(4));
    case 'boxed Number':
      return Object(3600) as object;
    case 'boxed String':
      return Object('QOS_E') as object;
    case 'boxed Boolean':
      return Object(false) as object;
    case 'RegExp':
      return /a+$/;
    case 'Error':
      return new Error('an error as a value');
    case 'Promise':
      return Promise.resolve(1);
    case 'WeakMap':
      return new WeakMap();
    case 'function':
      return function device(): number {
        return 1;
      };
    case 'arguments':
      return (function (_first: unknown, _second: unknown) {
        return arguments;
      })(1, 'two');
    case 'Symbol':
      return Symbol('value');
    case 'BigInt':
      return 10n ** 30n;
    case 'NaN':
      return Number.NaN;
    case 'Infinity':
      return Number.POSITIVE_INFINITY;
    case '-Infinity':
      return Number.NEGATIVE_INFINITY;
    case '-0':
      return -0;
    case '2^53 + 2':
      return 2 ** 53 + 2;
    case 'Number.MIN_VALUE':
      return Number.MIN_VALUE;
    case 'a short holey array':
      return [1, , 3];
    case 'an array-like object':
      return { length: 2 ** 32, 0: 'a' };
  }
}

function wrap(wrapper: Wrapper, value: object): object {
  switch (wrapper) {
    case 'null-prototype copy':
      // Objects only: an array copied onto an object would be different JSON.
      return Array.isArray(value) ? value : Object.assign(Object.create(null) as object, value);
    case 'class instance copy': {
      class Body {
        constructor(from: object) {
          Object.assign(this, from);
        }
        describe(): string {
          return 'a method on the prototype';
        }
      }
      return Array.isArray(value) ? value : new Body(value);
    }
    case 'frozen':
      return Object.freeze(value);
    case 'sealed':
      return Object.seal(value);
    case 'getter returning it':
      return value; // applied by the caller, on the parent's member
    case 'Proxy without traps':
      return new Proxy(value, {});
    case 'Proxy with pass-through traps':
      return new Proxy(value, {
        get: (target, key, receiver) => Reflect.get(target, key, receiver) as unknown,
        ownKeys: (target) => Reflect.ownKeys(target),
        getOwnPropertyDescriptor: (target, key) => Reflect.getOwnPropertyDescriptor(target, key),
        has: (target, key) => Reflect.has(target, key),
      });
    case 'extra symbol key':
      return Object.assign(value, { [Symbol('hidden')]: 'not JSON' });
    case 'extra non-enumerable key':
      return Object.defineProperty(value, 'hidden', { value: 'not JSON', enumerable: false });
    case 'array subclass': {
      if (!Array.isArray(value)) return value;
      class List extends Array<unknown> {}
      return List.from(value as unknown[]);
    }
  }
}

function nest(depth: number): unknown {
  let node: unknown = 1;
  for (let i = 0; i < depth; i++) node = { a: node };
  return node;
}

/**
 * Builds the recipe's input afresh, from a copy of its body: the recipe itself stays plain data, since
 * fast-check keeps it to replay and print (a getter left in it would throw while being printed).
 */
export function build(recipe: Recipe): Built {
  const { hostile: h } = recipe;
  const body = structuredClone(recipe.body);
  // Where it goes: containers for kinds that wrap or replace an object or array; any place otherwise
  // (the root too for an exotic value; the others need a parent to hang on).
  const candidates = CONTAINER_KINDS.has(h.kind) ? containers(body) : places(body).filter((p) => p.length > 0 || h.kind === 'exotic');
  const place = candidates[recipe.place % candidates.length]!;
  const path = place.map(token).join('');
  const parent = place.slice(0, -1).reduce<Record<string, unknown>>((node, s) => node[s as string] as Record<string, unknown>, body);
  const key = place.at(-1);
  const current = place.reduce<unknown>((node, s) => (node as Record<string, unknown>)[s as string], body);
  const put = (value: unknown): unknown => replaced(body, place, value);
  const general = (input: unknown, deterministic = true): Built => ({ input, path, expect: { kind: 'general' }, deterministic });
  const limit = (input: unknown, messageId: string, at = path, below = false): Built => ({ input, path: at, expect: { kind: 'one limits finding', messageId, path: at, below }, deterministic: true });

  switch (h.kind) {
    case 'throwing getter': {
      // The limits walk reads every enumerable member first: the one that throws is the finding.
      Object.defineProperty(parent, key!, {
        enumerable: true,
        configurable: true,
        get() {
          throw THROWN[h.thrown]();
        },
      });
      return limit(body, 'unreadable');
    }
    case 'throwing item getter': {
      const list: unknown[] = [1, 2, 3];
      Object.defineProperty(list, 1, {
        enumerable: true,
        get() {
          throw THROWN[h.thrown]();
        },
      });
      return limit(put(list), 'unreadable', `${path}/1`);
    }
    case 'throwing trap': {
      const handler: ProxyHandler<object> = {
        [h.trap]: () => {
          throw THROWN[h.thrown]();
        },
      };
      const built = general(place.length === 0 ? new Proxy(body, handler) : put(new Proxy(current as object, handler)));
      return built;
    }
    case 'revoked Proxy':
      return place.length === 0 ? limit(revoked(), 'unreadable', '') : limit(put(revoked()), 'unreadable');
    case 'transparent': {
      const plain = structuredClone(body);
      if (h.wrapper === 'getter returning it' && place.length > 0) {
        Object.defineProperty(parent, key!, { enumerable: true, configurable: true, get: () => current });
        return { input: body, path, expect: { kind: 'same as plain', plain }, deterministic: true };
      }
      const wrapped = wrap(h.wrapper, current as object);
      return { input: place.length === 0 ? wrapped : put(wrapped), path, expect: { kind: 'same as plain', plain }, deterministic: true };
    }
    case 'exotic':
      return general(put(exotic(h.value)));
    case 'sparse array': {
      const list: unknown[] = [];
      for (let i = 0; i < h.items; i++) list[Math.floor((h.length / (h.items + 1)) * (i + 1))] = 'item';
      list.length = h.length;
      return limit(put(list), 'maxArrayLength');
    }
    case 'cycle': {
      // A member that points back at the container itself (up 0) or at one of its ancestors.
      const ancestors = place.slice(0, Math.max(0, place.length - h.up));
      const target = ancestors.reduce<unknown>((node, s) => (node as Record<string, unknown>)[s as string], body);
      if (place.length === 0) {
        body.self = body;
        return limit(body, 'maxDepth', '/self', true);
      }
      if (Array.isArray(current)) {
        current.push(target);
        return limit(body, 'maxDepth', `${path}/${current.length - 1}`, true);
      }
      (current as Record<string, unknown>).cycle = target;
      return limit(body, 'maxDepth', `${path}/cycle`, true);
    }
    case 'deep':
      return limit(put(nest(h.depth)), 'maxDepth', path, true);
    case 'wide':
      return limit(put(Object.fromEntries(Array.from({ length: h.properties }, (_, i) => [`k${i}`, i]))), 'maxProperties');
    case 'long string':
      return h.asKey ? limit(put({ ['k'.repeat(h.length)]: 1 }), 'maxStringLength') : limit(put('s'.repeat(h.length)), 'maxStringLength');
    case 'many values': {
      // Each list within maxArrayLength, all of them together beyond maxValues.
      const lists = Math.ceil(DEFAULT_LIMITS.maxValues / DEFAULT_LIMITS.maxArrayLength) + 1;
      return limit(put(Array.from({ length: lists }, () => new Array<number>(DEFAULT_LIMITS.maxArrayLength).fill(1))), 'maxValues', path, true);
    }
    case 'odd key': {
      // Defined, not assigned: '__proto__' becomes a member, as JSON.parse makes it.
      let holder = current;
      if (typeof holder !== 'object' || holder === null || Array.isArray(holder)) put((holder = {}));
      Object.defineProperty(holder, h.key, { value: { polluted: true }, enumerable: true, configurable: true, writable: true });
      return general(body);
    }
    case 'hidden throwing getter': {
      // A member JSON cannot see (not enumerable, or on the prototype): when the engine reads it by
      // name the answer is a 400 finding like any other unreadable value; when nothing reads it (a
      // member the dialect does not declare) the body is judged without it. Never a 500.
      const name = typeof key === 'string' ? key : 'device';
      const holder = typeof key === 'string' ? parent : body;
      const getter = {
        get() {
          throw THROWN[h.thrown]();
        },
      };
      if (h.on === 'own non-enumerable') {
        Object.defineProperty(holder, name, { ...getter, enumerable: false, configurable: true });
        return { input: body, path, expect: { kind: 'general' }, deterministic: true };
      }
      const prototype = Object.defineProperty({}, name, { ...getter, enumerable: false, configurable: true });
      // Own members defined, not assigned: assigning `name` would hit the prototype's getter.
      const instance = Object.create(prototype) as Record<string, unknown>;
      for (const [member, value] of Object.entries(holder)) {
        if (member !== name) Object.defineProperty(instance, member, { value, enumerable: true, writable: true, configurable: true });
      }
      return { input: holder === body ? instance : put(instance), path, expect: { kind: 'general' }, deterministic: true };
    }
    case 'getter that changes its answer': {
      // Plain the first time it is read (by the limits walk), hostile every time after.
      let reads = 0;
      const later = (): unknown => {
        switch (h.later) {
          case 'a long string':
            return `https://a.example/${'a/'.repeat(5_000_000)}`;
          case 'a deep object':
            return nest(100_000);
          case 'a throw':
            throw Object.create(null);
        }
      };
      if (place.length === 0) return general(body);
      Object.defineProperty(parent, key!, { enumerable: true, configurable: true, get: () => (reads++ === 0 ? current : later()) });
      return general(body, false);
    }
  }
}
