// The accept pass of a dialect, generated from its schema (scripts/compile-schemas.mjs calls this):
// one function, `accept(data, view, flags)`, that answers true only when the schema (ajv's compiled
// validator, with the keywords the configuration makes count) certainly accepts the body, the body
// is within the configured limits (src/engine/limits.ts), and it has stored, in `view`, the values
// the dialect-neutral model is made of; false means "not sure" (src/engine/accept.ts then runs the
// full engine). docs/performance.md explains the design.
//
// Soundness is what matters here: true must never be answered for a body ajv rejects. Every
// keyword is therefore compiled twice over, as two predicates on a value:
// - P ("certainly passes"): true implies that ajv's subschema accepts the value;
// - N ("certainly fails"): true implies that ajv's subschema rejects it.
// Both may answer false when unsure. P is what the pass asks of the body; N serves where a
// subschema's failure decides something: the `if` of if/then/else (else applies only when the
// condition certainly fails), the other branches of a oneOf (exactly one may pass), `not`.
//
// One walk: the body's fixed structure (the root, its declared members, their declared members,
// the items of declared arrays) is walked inline, counting values and checking the limits as it
// goes; whatever the walk does not validate member by member (a member of no declared name where
// the dialect allows them, a member declared only inside a branch, a subschema of `true`) goes
// through the limits' own walk, `flags.w` (limits.ts `within`). Subschemas under anyOf, oneOf,
// allOf, if/then/else and not are separate functions that neither count nor store.
//
// Keywords and configurations:
// - a keyword owned by a rule that re-checks it ('x-rules': 'rule-id') is left to that rule when it
//   is enabled and its fast check answers for that keyword (RuleMeta.fastKeywords; flags.s[i]): P
//   takes it as holding. Sound because every accepted body passed that fast check, which answers
//   true only where the keyword holds; so P was right wherever it assumed. N never assumes;
// - a keyword stricter than the API ('x-beyond-spec') counts only when its owner is enabled
//   (flags.o[i]), as in the engine (src/schema/compiled-schema.ts, specificationErrors);
// - every other keyword is evaluated as ajv evaluates it (same regular expressions with the 'u'
//   flag, same formats from ajv-formats, lengths in code points with ajv's own ucs2length).
//
// The stored values: each member of an inline object (own `properties`, or declared in one of its
// subschemas) gets a slot, the index of its instance pointer in the exported `positions`; the
// engine maps the model's fields to slots from the dialect's key map and refuses a dialect whose
// key map names a place that is not a slot. A pass that answers true has written every slot (those
// below an absent member with undefined).

const ANNOTATIONS = new Set(['$schema', '$id', '$comment', 'title', 'description', 'default', 'examples', 'x-rules', 'x-message', 'x-beyond-spec', '$defs']);
const SCALAR_TYPES = new Set(['string', 'integer', 'number', 'boolean', 'null']);

const escapeSegment = (s) => String(s).replace(/~/g, '~0').replace(/\//g, '~1');

/** ajv's type checks (its code generator's, for one type). */
function typeTest(type, d) {
  switch (type) {
    case 'string':
      return `(typeof ${d} === "string")`;
    case 'integer':
      return `__aIsInt(${d})`;
    case 'number':
      return `(typeof ${d} == "number" && isFinite(${d}))`;
    case 'boolean':
      return `(typeof ${d} === "boolean")`;
    case 'null':
      return `(${d} === null)`;
    case 'array':
      return `Array.isArray(${d})`;
    case 'object':
      return `__aIsObj(${d})`;
    default:
      throw new Error(`accept-codegen: unknown type ${type}`);
  }
}

/** The type a keyword applies to (ajv ignores it on values of other types). */
const APPLIES_TO = {
  minLength: 'string',
  maxLength: 'string',
  pattern: 'string',
  format: 'string',
  minimum: 'number',
  maximum: 'number',
  exclusiveMinimum: 'number',
  exclusiveMaximum: 'number',
  minItems: 'array',
  maxItems: 'array',
  uniqueItems: 'array',
  items: 'array',
  minProperties: 'object',
  maxProperties: 'object',
  required: 'object',
  properties: 'object',
  additionalProperties: 'object',
  unevaluatedProperties: 'object',
};

const GUARD = { string: (d) => `(typeof ${d} === "string")`, number: (d) => `(typeof ${d} == "number")`, array: (d) => `Array.isArray(${d})`, object: (d) => typeTest('object', d) };

function literal(value) {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return JSON.stringify(value);
  throw new Error(`accept-codegen: only primitive enum/const values are supported (${JSON.stringify(value)})`);
}

/** Property names declared anywhere in the in-place subschemas of a node (its own included). */
function declaredNames(node, out = new Set()) {
  if (!node || typeof node !== 'object') return out;
  for (const name of Object.keys(node.properties ?? {})) out.add(name);
  for (const key of ['allOf', 'anyOf', 'oneOf']) for (const sub of node[key] ?? []) declaredNames(sub, out);
  for (const key of ['if', 'then', 'else', 'not']) if (node[key] !== undefined) declaredNames(node[key], out);
  return out;
}

/** Whether some in-place subschema evaluates members beyond named ones (N cannot then claim an unevaluated member). */
function evaluatesOthers(node) {
  if (!node || typeof node !== 'object') return false;
  if (node.additionalProperties !== undefined || node.patternProperties !== undefined || (node !== null && node.unevaluatedProperties !== undefined && node.unevaluatedProperties !== false)) return true;
  for (const key of ['allOf', 'anyOf', 'oneOf']) for (const sub of node[key] ?? []) if (evaluatesOthers(sub)) return true;
  for (const key of ['if', 'then', 'else', 'not']) if (node[key] !== undefined && evaluatesOthers(node[key])) return true;
  return false;
}

export function generateAccept(schema, { ownership, beyondSpec }) {
  const hoisted = []; // module-level constants (regular expressions, format functions)
  const functions = []; // generated subschema functions
  const owners = []; // rule ids whose 'x-beyond-spec' keywords count when they are enabled, by index
  const left = []; // [rule id, keyword]: keywords P leaves to the rule's fast check, by index
  const positions = []; // instance pointers of the slots
  const memo = new Map(); // node → function name, per mode and context
  const rereads = []; // per inline object outside arrays: where it is, and its members' slots
  let counter = 0;
  let maxDepth = 0;
  let longestKey = 0;
  const formatNames = new Map();
  const patternNames = new Map();

  const ownerIndex = (rule) => {
    let i = owners.indexOf(rule);
    if (i < 0) i = owners.push(rule) - 1;
    return i;
  };
  const leftIndex = (rule, keyword) => {
    let i = left.findIndex(([r, k]) => r === rule && k === keyword);
    if (i < 0) i = left.push([rule, keyword]) - 1;
    return i;
  };

  /**
   * How the code treats keyword `keyword` of the node at `path`, in P or N (`pn`); `conditional`:
   * under anyOf, oneOf, not or an if's condition.
   */
  function keywordMode(path, keyword, conditional, pn) {
    const owner = ownership[path]?.[keyword];
    const beyond = beyondSpec[path]?.includes(keyword) === true;
    if (beyond) {
      if (conditional) throw new Error(`accept-codegen: 'x-beyond-spec' ${keyword} under a condition at ${path}`);
      // Counts only through an enabled owner that reports it as its own finding (src/engine/run.ts).
      if (owner === undefined || !owner.includes('#')) return { kind: 'never' };
      return { kind: 'ifOn', index: ownerIndex(owner.split('#')[0]) };
    }
    // A keyword its rule re-checks, and answers for in its fast check: P may take it as holding (if
    // it did not, the rule's fast check, which every accepted body passes, would not have answered
    // true). N, which claims a failure, never assumes anything.
    if (pn === 'p' && owner !== undefined && !owner.includes('#')) return { kind: 'unlessFast', index: leftIndex(owner, keyword) };
    return { kind: 'always' };
  }

  /** Wraps a failure condition by the keyword's mode (P): when does `fails` count. */
  function counted(mode, fails) {
    switch (mode.kind) {
      case 'always':
        return fails;
      case 'never':
        return 'false';
      case 'ifOn':
        return `(f.o[${mode.index}] === 1 && ${fails})`;
      case 'unlessFast':
        return `(f.s[${mode.index}] !== 1 && ${fails})`;
    }
  }

  function patternOf(source) {
    if (!patternNames.has(source)) {
      const name = `__aPattern${patternNames.size}`;
      patternNames.set(source, name);
      hoisted.push(`const ${name} = new RegExp(${JSON.stringify(source)}, "u");`);
    }
    return patternNames.get(source);
  }

  function formatOf(name) {
    if (!formatNames.has(name)) {
      const id = `__aFormat${formatNames.size}`;
      formatNames.set(name, id);
      hoisted.push(`const ${id} = __aFormatTest(${JSON.stringify(name)});`);
    }
    return formatNames.get(name);
  }

  function checkNode(node, path) {
    for (const key of Object.keys(node)) {
      if (ANNOTATIONS.has(key) || key.startsWith('x-')) continue;
      if (!KNOWN.has(key)) throw new Error(`accept-codegen: keyword '${key}' at ${path} is not supported by the accept pass`);
    }
    if (Array.isArray(node.type)) throw new Error(`accept-codegen: a list of types at ${path} is not supported`);
  }

  /**
   * The failure conditions of the node's own value keywords (not applicators, not properties/items),
   * for value expression `d`, as JS expressions (each true when ajv's keyword fails). `guarded`:
   * the value is known to be of the node's type already.
   */
  function valueFailures(node, path, d, conditional, guarded, pn = 'p', count = undefined) {
    const out = [];
    const add = (keyword, fails) => {
      const mode = keywordMode(path, keyword, conditional, pn);
      const applies = APPLIES_TO[keyword];
      const guard = applies !== undefined && !(guarded && sameType(node.type, applies)) ? `${GUARD[applies](d)} && ` : '';
      out.push({ keyword, test: counted(mode, `(${guard}${fails})`) });
    };
    if (node.minLength !== undefined) {
      // A string has at least half as many code points as code units (rounded up).
      add('minLength', `(${d}.length < ${node.minLength} || (${d}.length < ${2 * node.minLength - 1} && __aUcs2(${d}) < ${node.minLength}))`);
    }
    if (node.maxLength !== undefined) {
      add('maxLength', `(${d}.length > ${node.maxLength} && __aUcs2(${d}) > ${node.maxLength})`);
    }
    if (node.pattern !== undefined) add('pattern', `!${patternOf(node.pattern)}.test(${d})`);
    if (node.format !== undefined) add('format', `!${formatOf(node.format)}(${d})`);
    if (node.minimum !== undefined) add('minimum', `(${d} < ${node.minimum} || isNaN(${d}))`);
    if (node.maximum !== undefined) add('maximum', `(${d} > ${node.maximum} || isNaN(${d}))`);
    if (node.exclusiveMinimum !== undefined) add('exclusiveMinimum', `(${d} <= ${node.exclusiveMinimum} || isNaN(${d}))`);
    if (node.exclusiveMaximum !== undefined) add('exclusiveMaximum', `(${d} >= ${node.exclusiveMaximum} || isNaN(${d}))`);
    if (node.enum !== undefined) add('enum', `!(${node.enum.map((v) => `${d} === ${literal(v)}`).join(' || ')})`);
    if (node.const !== undefined) add('const', `${d} !== ${literal(node.const)}`);
    if (node.minItems !== undefined) add('minItems', `${d}.length < ${node.minItems}`);
    if (node.maxItems !== undefined) add('maxItems', `${d}.length > ${node.maxItems}`);
    // ajv compares items with deep equality; for P only lists of primitives are judged unique.
    if (node.uniqueItems === true) add('uniqueItems', pn === 'p' ? `!__aUniqueP(${d}, f)` : `__aDuplicateN(${d}, f)`);
    // Members counted only as far as the bound needs.
    // (In a subschema function, `n` is the caller's count of the same object's members, when it has one.)
    if (node.minProperties !== undefined) add('minProperties', `${count ?? `(n >= 0 ? n : __aCount(${d}, ${node.minProperties}))`} < ${node.minProperties}`);
    if (node.maxProperties !== undefined) add('maxProperties', `${count ?? `(n >= 0 ? n : __aCount(${d}, ${node.maxProperties + 1}))`} > ${node.maxProperties}`);
    if (node.required !== undefined) for (const name of node.required) add('required', `${d}[${JSON.stringify(name)}] === undefined`);
    return out;
  }

  // --------------------------------------------------------------------------------------------
  // Pure subschema functions: P (mode 'p') or N (mode 'n'); `conditional` says whether keywords
  // owned by a rule may be left to the rule (only where the subschema's failure fails the body).

  function fn(node, path, mode, conditional) {
    if (node === true) return mode === 'p' ? '__aYes' : '__aNo';
    if (node === false) return mode === 'p' ? '__aNo' : '__aYes';
    let byKey = memo.get(node);
    if (byKey === undefined) memo.set(node, (byKey = new Map()));
    const key = `${mode}${conditional ? 'c' : 'u'}`;
    if (byKey.has(key)) return byKey.get(key);
    const name = `__a${mode.toUpperCase()}${counter++}`;
    byKey.set(key, name);
    checkNode(node, path);
    const body = mode === 'p' ? pureP(node, path, conditional) : pureN(node, path);
    functions.push(`function ${name}(d, f, n) {\n${body.map((l) => `  ${l}`).join('\n')}\n}`);
    return name;
  }

  function sameType(type, applies) {
    return type === applies || (applies === 'number' && type === 'integer');
  }

  function pureP(node, path, conditional) {
    const lines = [];
    const type = node.type;
    if (type !== undefined) lines.push(`if (!${typeTest(type, 'd')}) return false;`);
    // Bounded work whatever the value (the walk has not checked the limits of what it reaches here).
    if (type === 'string') lines.push('if (d.length > f.ms) return false;');
    if (type === 'array') lines.push('if (d.length > f.ma) return false;');
    for (const { test } of valueFailures(node, path, 'd', conditional, type !== undefined)) lines.push(`if (${test}) return false;`);
    lines.push(...pApplicators(node, path, 'd', conditional, 'n'));
    if (node.properties !== undefined) {
      const props = Object.entries(node.properties).filter(([, sub]) => sub !== true);
      const guard = type === 'object' ? '' : `if (${typeTest('object', 'd')}) `;
      if (props.length > 0) lines.push(`${guard}{ ${props.map(([name, sub]) => `{ const c = d[${JSON.stringify(name)}]; if (c !== undefined && !${fn(sub, `${path}/properties/${escapeSegment(name)}`, 'p', conditional)}(c, f)) return false; }`).join(' ')} }`);
    }
    if (node.additionalProperties === false || node.unevaluatedProperties === false) {
      const keyword = node.additionalProperties === false ? 'additionalProperties' : 'unevaluatedProperties';
      const mode = keywordMode(path, keyword, conditional, 'p');
      if (mode.kind !== 'never') {
        const names = Object.keys(node.properties ?? {});
        const known = names.length === 0 ? 'false' : names.map((n) => `k === ${JSON.stringify(n)}`).join(' || ');
        const loop = `for (const k in d) if (!(${known})) return false;`;
        const guard = type === 'object' ? '' : `if (${typeTest('object', 'd')}) `;
        lines.push(mode.kind === 'ifOn' ? `if (f.o[${mode.index}] === 1) ${guard}{ ${loop} }` : `${guard}{ ${loop} }`);
      }
    } else if (node.additionalProperties !== undefined || node.unevaluatedProperties !== undefined) {
      throw new Error(`accept-codegen: only additionalProperties/unevaluatedProperties false are supported (${path})`);
    }
    if (node.items !== undefined) {
      const item = fn(node.items, `${path}/items`, 'p', conditional);
      const guard = type === 'array' ? '' : 'if (Array.isArray(d)) ';
      lines.push(`${guard}{ if (d.length > f.ma) return false; for (let i = 0; i < d.length; i++) if (!${item}(d[i], f)) return false; }`);
    }
    lines.push('return true;');
    return lines;
  }

  /** P of the applicators of a node (anyOf, oneOf, allOf, if/then/else, not) as statements. */
  function pApplicators(node, path, d, conditional, n) {
    const lines = [];
    if (node.allOf !== undefined) {
      node.allOf.forEach((sub, i) => lines.push(`if (!${fn(sub, `${path}/allOf/${i}`, 'p', conditional)}(${d}, f, ${n})) return false;`));
    }
    if (node.anyOf !== undefined) {
      const mode = keywordMode(path, 'anyOf', conditional, 'p');
      const branches = node.anyOf.map((sub, i) => `${fn(sub, `${path}/anyOf/${i}`, 'p', true)}(${d}, f, ${n})`);
      lines.push(`if (${counted(mode, `!(${branches.join(' || ')})`)}) return false;`);
    }
    if (node.oneOf !== undefined) {
      const mode = keywordMode(path, 'oneOf', conditional, 'p');
      const p = node.oneOf.map((sub, i) => `${fn(sub, `${path}/oneOf/${i}`, 'p', true)}(${d}, f, ${n})`);
      const fails = node.oneOf.map((sub, i) => `${fn(sub, `${path}/oneOf/${i}`, 'n', true)}(${d}, f, ${n})`);
      const alternatives = p.map((pi, i) => [pi, ...fails.filter((_, j) => j !== i)].join(' && '));
      lines.push(`if (${counted(mode, `!((${alternatives.join(') || (')}))`)}) return false;`);
    }
    if (node.if !== undefined) {
      const pIf = fn(node.if, `${path}/if`, 'p', true);
      const nIf = fn(node.if, `${path}/if`, 'n', true);
      const then = node.then === undefined ? '' : `if (!${fn(node.then, `${path}/then`, 'p', conditional)}(${d}, f, ${n})) return false;`;
      const otherwise = node.else === undefined ? '' : `if (!${fn(node.else, `${path}/else`, 'p', conditional)}(${d}, f, ${n})) return false;`;
      lines.push(`if (${pIf}(${d}, f, ${n})) { ${then} } else if (${nIf}(${d}, f, ${n})) { ${otherwise} } else return false;`);
    }
    if (node.not !== undefined) lines.push(`if (!${fn(node.not, `${path}/not`, 'n', true)}(${d}, f, ${n})) return false;`);
    return lines;
  }

  function pureN(node, path) {
    const lines = [];
    const type = node.type;
    if (type !== undefined) lines.push(`if (!${typeTest(type, 'd')}) return true;`);
    // Beyond the limits nothing is claimed (the body is not accepted anyway).
    if (type === 'string') lines.push('if (d.length > f.ms) return false;');
    if (type === 'array') lines.push('if (d.length > f.ma) return false;');
    if (node.additionalProperties === false) {
      const names = Object.keys(node.properties ?? {});
      const known = names.length === 0 ? 'false' : names.map((n) => `k === ${JSON.stringify(n)}`).join(' || ');
      const guard = type === 'object' ? '' : `if (${typeTest('object', 'd')}) `;
      lines.push(`${guard}{ for (const k in d) if (!(${known})) return true; }`);
    }
    if (node.unevaluatedProperties === false && !evaluatesOthers({ ...node, unevaluatedProperties: undefined })) {
      const names = [...declaredNames(node)];
      const known = names.length === 0 ? 'false' : names.map((n) => `k === ${JSON.stringify(n)}`).join(' || ');
      const guard = type === 'object' ? '' : `if (${typeTest('object', 'd')}) `;
      lines.push(`${guard}{ for (const k in d) if (!(${known})) return true; }`);
    }
    for (const { test } of valueFailures(node, path, 'd', true, type !== undefined, 'n')) lines.push(`if (${test}) return true;`);
    if (node.properties !== undefined) {
      const guard = type === 'object' ? '' : `if (${typeTest('object', 'd')}) `;
      const inner = Object.entries(node.properties)
        .filter(([, sub]) => sub !== true)
        .map(([name, sub]) => `{ const c = d[${JSON.stringify(name)}]; if (c !== undefined && ${fn(sub, `${path}/properties/${escapeSegment(name)}`, 'n', true)}(c, f)) return true; }`);
      if (inner.length > 0) lines.push(`${guard}{ ${inner.join(' ')} }`);
    }
    if (node.items !== undefined) {
      const item = fn(node.items, `${path}/items`, 'n', true);
      const guard = type === 'array' ? '' : 'if (Array.isArray(d)) ';
      lines.push(`${guard}{ if (d.length > f.ma) return false; for (let i = 0; i < d.length; i++) if (${item}(d[i], f)) return true; }`);
    }
    if (node.allOf !== undefined) node.allOf.forEach((sub, i) => lines.push(`if (${fn(sub, `${path}/allOf/${i}`, 'n', true)}(d, f, n)) return true;`));
    if (node.anyOf !== undefined) {
      lines.push(`if (${node.anyOf.map((sub, i) => `${fn(sub, `${path}/anyOf/${i}`, 'n', true)}(d, f, n)`).join(' && ')}) return true;`);
    }
    if (node.oneOf !== undefined) {
      lines.push(`if (${node.oneOf.map((sub, i) => `${fn(sub, `${path}/oneOf/${i}`, 'n', true)}(d, f, n)`).join(' && ')}) return true;`);
    }
    if (node.if !== undefined) {
      const pIf = fn(node.if, `${path}/if`, 'p', true);
      const nIf = fn(node.if, `${path}/if`, 'n', true);
      const then = node.then === undefined ? '' : `if (${fn(node.then, `${path}/then`, 'n', true)}(d, f, n)) return true;`;
      const otherwise = node.else === undefined ? '' : `if (${fn(node.else, `${path}/else`, 'n', true)}(d, f, n)) return true;`;
      lines.push(`if (${pIf}(d, f, n)) { ${then} } else if (${nIf}(d, f, n)) { ${otherwise} }`);
    }
    if (node.not !== undefined) lines.push(`if (${fn(node.not, `${path}/not`, 'p', true)}(d, f, n)) return true;`);
    lines.push('return false;');
    return lines;
  }

  // --------------------------------------------------------------------------------------------
  // The inline walk of the body's fixed structure (always in a context where a failure fails the
  // body). `b` is the values budget left (limits.ts maxValues); `v` the slots.

  let tmp = 0;

  /**
   * Statements checking value `d` at `instance` (a pointer; undefined under an array), depth
   * `depth`; `slot` is the value's own slot (undefined for the root and array items).
   */
  function inline(node, path, d, instance, depth, slot) {
    if (node === true || (typeof node === 'object' && node !== null && Object.keys(node).every((k) => ANNOTATIONS.has(k) || k.startsWith('x-')))) {
      // Anything goes: only the limits (the caller counted the value already; the walk counts it again).
      return [`b = f.w(${d}, ${depth}, b + 1); if (b < 0) return false;`];
    }
    if (node === false) return ['return false;'];
    checkNode(node, path);
    const type = node.type;
    const lines = [];
    if (type === undefined) {
      // No single type to walk by: the limits' walk, then the subschema as a whole.
      lines.push(`b = f.w(${d}, ${depth}, b + 1); if (b < 0) return false;`);
      lines.push(`if (!${fn(node, path, 'p', false)}(${d}, f)) return false;`);
      return lines;
    }
    lines.push(`if (!${typeTest(type, d)}) return false;`);
    if (type === 'string') lines.push(`if (${d}.length > f.ms) return false;`);
    if (type === 'object' || type === 'array') maxDepth = Math.max(maxDepth, depth);
    // Objects count their members in the walk below; min/maxProperties are checked after it.
    const { minProperties, maxProperties, ...rest } = node;
    for (const { test } of valueFailures(rest, path, d, false, true)) lines.push(`if (${test}) return false;`);
    let count = '-1';
    if (type === 'object') {
      const object = inlineObject(node, path, d, instance, depth, slot);
      lines.push(...object.lines);
      count = object.count;
    }
    else if (type === 'array') lines.push(...inlineArray(node, path, d, depth));
    else if (node.properties !== undefined || node.items !== undefined) throw new Error(`accept-codegen: properties/items on a ${type} at ${path}`);
    lines.push(...pApplicators(node, path, d, false, count));
    return lines;
  }

  function inlineObject(node, path, d, instance, depth, slot) {
    const lines = [];
    // The model reads own members; ajv and this walk read inherited ones too: only ordinary objects.
    lines.push(`if (!f.t) { const pr = Object.getPrototypeOf(${d}); if (pr !== Object.prototype && pr !== null) return false; }`);
    const own = Object.keys(node.properties ?? {});
    const all = [...declaredNames(node)];
    const others = all.filter((name) => !own.includes(name));
    for (const name of all) longestKey = Math.max(longestKey, name.length);
    // Slots: every declared member of an object outside arrays.
    const slots = new Map();
    if (instance !== undefined) {
      for (const name of all) {
        const pointer = `${instance}/${escapeSegment(name)}`;
        slots.set(name, positions.push(pointer) - 1);
      }
      rereads.push({ holder: slot === undefined ? 'd' : `v[${slot}]`, members: [...slots] });
    }
    // The member loop: counts members, rejects or walks the undeclared ones.
    const closed = node.additionalProperties === false || node.unevaluatedProperties === false;
    const keyword = node.additionalProperties === false ? 'additionalProperties' : 'unevaluatedProperties';
    const mode = closed ? keywordMode(path, keyword, false, 'p') : { kind: 'never' };
    if (node.additionalProperties === false && others.length > 0) {
      throw new Error(`accept-codegen: additionalProperties false with members declared only in subschemas at ${path}`);
    }
    const n = `n${tmp++}`;
    // A JSON text's fresh value (f.t): a closed object's members need no loop. Its declared members
    // are counted as they are read, and the caller compares the separators the pass counts with the
    // text's commas: an undeclared member, like a duplicate key, has a comma the count lacks.
    const counted = mode.kind === 'always' && others.length === 0;
    const isOwn = own.length === 0 ? 'false' : own.map((name) => `k === ${JSON.stringify(name)}`).join(' || ');
    const isOther = others.map((name) => `k === ${JSON.stringify(name)}`).join(' || ');
    // A member declared only in a subschema: the limits' walk, without a call for a string.
    const walkOther = `const x = ${d}[k]; if (typeof x === "string") { if (x.length > f.ms) return false; b--; } else { b = f.w(x, ${depth + 1}, b); if (b < 0) return false; } continue;`;
    const unknown =
      mode.kind === 'always' ? 'return false;' : mode.kind === 'ifOn' ? `if (f.o[${mode.index}] === 1) return false; ` : '';
    const walkUnknown = mode.kind === 'always' ? '' : `if (k.length > f.ms) return false; b = f.w(${d}[k], ${depth + 1}, b); if (b < 0) return false;`;
    lines.push(`let ${n} = 0;`);
    const loop = `for (const k in ${d}) { ${n}++; ${own.length > 0 ? `if (${isOwn}) { b--; continue; } ` : ''}${others.length > 0 ? `if (${isOther}) { ${walkOther} } ` : ''}${unknown}${walkUnknown} }`;
    lines.push(counted ? `if (!f.t) ${loop}` : loop);
    const checks = [`if (${n} > f.mp) return false;`, `if (${n} > 1) sep += ${n} - 1;`];
    for (const { test } of valueFailures({ type: 'object', minProperties: node.minProperties, maxProperties: node.maxProperties }, path, d, false, true, 'p', n)) checks.push(`if (${test}) return false;`);
    if (!counted) lines.push(...checks);
    for (const name of others) lines.push(`v[${slots.get(name)}] = ${d}[${JSON.stringify(name)}];`);
    for (const name of own) {
      const c = `c${tmp++}`;
      const sub = node.properties[name];
      const childInstance = instance === undefined ? undefined : `${instance}/${escapeSegment(name)}`;
      const store = slots.has(name) ? `v[${slots.get(name)}] = ${c}; ` : '';
      const first = positions.length;
      const body = inline(sub, `${path}/properties/${escapeSegment(name)}`, c, childInstance, depth + 1, slots.get(name));
      // The slots below an absent member are emptied: nothing of an earlier body stays visible.
      const below = Array.from({ length: positions.length - first }, (_, i) => `v[${first + i}]`);
      lines.push(`const ${c} = ${d}[${JSON.stringify(name)}]; ${store}if (${c} !== undefined) {`);
      if (counted) lines.push(`  if (f.t) { ${n}++; b--; }`);
      lines.push(...body.map((l) => `  ${l}`));
      lines.push(below.length === 0 ? '}' : `} else ${below.join(' = ')} = undefined;`);
    }
    if (counted) lines.push(...checks);
    return { lines, count: n };
  }

  function inlineArray(node, path, d, depth) {
    const lines = [`if (${d}.length > f.ma) return false;`, `b -= ${d}.length;`, `if (${d}.length > 1) sep += ${d}.length - 1;`];
    if (node.items !== undefined) {
      const i = `i${tmp++}`;
      const c = `c${tmp++}`;
      lines.push(`for (let ${i} = 0; ${i} < ${d}.length; ${i}++) { const ${c} = ${d}[${i}];`);
      lines.push(...inline(node.items, `${path}/items`, c, undefined, depth + 1).map((l) => `  ${l}`));
      lines.push('}');
    } else {
      // Items of any value: only the limits (the array itself is counted already).
      lines.push(`for (let i = 0; i < ${d}.length; i++) { b = f.w(${d}[i], ${depth + 1}, b + 1); if (b < 0) return false; }`);
    }
    return lines;
  }

  const root = inline(schema, '#', 'd', '', 1, undefined);
  // Every stored member read again: a body whose getters answer differently from one read to the
  // next (a caller's object changing while it is read) is not one value, and not for the pass to judge.
  // (Not a value JSON.parse has just made, f.t: its objects are ordinary and hold data only.)
  const reread = rereads.map(({ holder, members }) => {
    const test = members.map(([name, at]) => `h[${JSON.stringify(name)}] !== v[${at}]`).join(' || ');
    return holder === 'd' ? `{ const h = d; if (${test}) return false; }` : `{ const h = ${holder}; if (h !== undefined && (${test})) return false; }`;
  });
  const code = [
    ...hoisted,
    ...functions,
    '/**',
    ' * The accept pass (scripts/accept-codegen.mjs): -1 (not sure), or, when the compiled schema certainly',
    ' * accepts `d` under the flags (owners enabled, limits), the separators of a minimal JSON text of it',
    ' * (src/parse/json.ts), with the values of every slot stored in `v`.',
    ' */',
    'export function accept(d, v, f) {',
    '  let b = f.mv - 1;',
    '  let sep = 0;',
    '  f.c.separators = 0;',
    ...root.map((l) => `  ${l.replaceAll('return false;', 'return -1;')}`),
    '  if (b < 0) return -1;',
    '  if (!f.t) {',
    ...reread.map((l) => `    ${l.replaceAll('return false;', 'return -1;')}`),
    '  }',
    '  return sep + f.c.separators;',
    '}',
    `/** The instance pointer of each slot of \`accept\`'s view. */`,
    `export const positions = ${JSON.stringify(positions)};`,
    `/** The rules whose 'x-beyond-spec' keywords count when they are enabled (f.o), by index. */`,
    `export const acceptOwners = ${JSON.stringify(owners)};`,
    `/** The keywords that P leaves to a rule's fast check when it answers for them (f.s), by index: [rule id, keyword]. */`,
    `export const acceptLeft = ${JSON.stringify(left)};`,
    `/** The deepest object or array the walk visits (limits.maxDepth must reach it), and its longest member name. */`,
    `export const acceptReach = ${JSON.stringify({ depth: maxDepth, key: longestKey })};`,
  ];
  return [`import { ${HELPER_NAMES.join(', ')} } from "./accept-helpers.js";`, code.join('\n')].join('\n');
}

/**
 * What the generated functions share, written once to src/schema/compiled/accept-helpers.ts
 * (acceptHelpers). ucs2length and the formats are the ones ajv's own code uses; the type tests are
 * ajv's, as functions (the same expression in every place would make the code much larger).
 */
const HELPER_NAMES = ['__aUcs2', '__aFormatTest', '__aCount', '__aUniqueP', '__aDuplicateN', '__aIsObj', '__aIsInt', '__aYes', '__aNo'];

/** The module of helpers the generated passes import. */
export function acceptHelpers() {
  return `// @ts-nocheck
// GENERATED by scripts/accept-codegen.mjs: what the accept passes of src/schema/compiled/ share. Do not edit.
import * as __acceptUcs2 from "ajv/dist/runtime/ucs2length.js";
import * as __acceptFormats from "ajv-formats/dist/formats.js";
function __cjs(ns) { const m = ns.default; return m && typeof m === "object" && m.__esModule ? m : ns; }
export const __aUcs2 = __cjs(__acceptUcs2).default;
/** ajv's type test of an object. */
export function __aIsObj(d) {
  return d && typeof d == "object" && !Array.isArray(d);
}
/** ajv's type test of an integer. */
export function __aIsInt(d) {
  return typeof d == "number" && !(d % 1) && !isNaN(d) && isFinite(d);
}
export function __aYes() { return true; }
export function __aNo() { return false; }
/** ajv-formats' full format \`name\` as a test of a string. */
export function __aFormatTest(name) {
  const format = __cjs(__acceptFormats).fullFormats[name];
  const test = format instanceof RegExp || typeof format === "function" ? format : format.validate;
  return test instanceof RegExp ? (s) => test.test(s) : test;
}
/** Members of an object as Object.keys counts them (for...in is the same on an ordinary object), up to \`upTo\`. */
export function __aCount(d, upTo) {
  const pr = Object.getPrototypeOf(d);
  if (pr !== Object.prototype && pr !== null) return Object.keys(d).length;
  let n = 0;
  for (const k in d) if (++n >= upTo) break;
  return n;
}
function __aPrimitive(x) {
  return x === null || (typeof x !== "object" && typeof x !== "function");
}
/** Certainly unique (ajv's deep equality): short lists of primitives, NaN equal to NaN. */
export function __aUniqueP(d, f) {
  if (d.length > 64) return false;
  for (let i = 0; i < d.length; i++) {
    const a = d[i];
    if (!__aPrimitive(a)) return false;
    for (let j = 0; j < i; j++) if (a === d[j] || (a !== a && d[j] !== d[j])) return false;
  }
  return true;
}
/** Certainly not unique: two equal primitives in a short list. */
export function __aDuplicateN(d, f) {
  if (d.length > 64) return false;
  for (let i = 0; i < d.length; i++) {
    const a = d[i];
    if (!__aPrimitive(a)) continue;
    for (let j = 0; j < i; j++) if (__aPrimitive(d[j]) && (a === d[j] || (a !== a && d[j] !== d[j]))) return true;
  }
  return false;
}
`;
}

const KNOWN = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'unevaluatedProperties',
  'minProperties',
  'maxProperties',
  'items',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'enum',
  'const',
  'anyOf',
  'oneOf',
  'allOf',
  'if',
  'then',
  'else',
  'not',
]);
