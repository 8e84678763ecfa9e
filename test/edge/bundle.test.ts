// The library at the edge: a browser/worker bundle of the built main entry (scripts/bundle-edge.mjs,
// rolldown, platform 'browser', minified: what `npm run bench` measures) is self-contained, needs
// no Node built-in and no YAML parser, and runs in a worker-like context: a vm context holding only
// JavaScript's own globals and the web APIs a worker has, with code generation from strings
// forbidden (no eval, no new Function). There it validates, checks a plugin rule's options against
// its schema, waits for a device registry (with its timeout) and answers as Standard Schema, exactly
// as the Node build does.
import { createContext, runInContext } from 'node:vm';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleEdge, type EdgeBundle } from '../../scripts/bundle-edge.mjs';
import { ensureBuilt, root } from '../cli/helpers.js';

let bundle: EdgeBundle;

beforeAll(async () => {
  ensureBuilt();
  bundle = await bundleEdge({ format: 'iife' });
}, 300_000);

/** What a worker has besides JavaScript's own globals (vm contexts have only the latter). */
function workerGlobals(): Record<string, unknown> {
  return { TextDecoder, TextEncoder, URL, setTimeout, clearTimeout, AbortController, DOMException, structuredClone, queueMicrotask };
}

/**
 * One scenario, as source text run inside the context against `qodPolicy` (the library's exports)
 * and `utf8` (text → UTF-8 bytes, a Uint8Array of the library's realm, as validateJson expects):
 * a JSON string of what it saw.
 */
const SCENARIO = String.raw`(async () => {
  const { createValidator, validate, toErrorInfo, ConfigError } = qodPolicy;
  const out = {};
  try { new Function('return 1'); out.codegen = 'allowed'; } catch (error) { out.codegen = error.name; }
  out.globals = [typeof require, typeof process, typeof Buffer, typeof module];
  const plugin = {
    name: 'acme',
    rules: {
      'no-test-profiles': {
        meta: {
          docs: { description: 'No test profiles.' },
          messages: { testProfile: "qosProfile '{{ name }}' starts with '{{ prefix }}'." },
          schema: { type: 'object', properties: { prefix: { type: 'string', minLength: 1 } }, additionalProperties: false },
          defaultOptions: { prefix: 'TEST_' },
          status: 422,
          code: 'QUALITY_ON_DEMAND.QOS_PROFILE_NOT_APPLICABLE',
        },
        check(model, ctx) {
          const p = model.qosProfile;
          if (p && p.value.startsWith(ctx.options.prefix)) ctx.report({ messageId: 'testProfile', path: p.path, data: { name: p.value, prefix: ctx.options.prefix } });
        },
      },
    },
  };
  const attempt = (options) => { try { createValidator(options); return 'accepted'; } catch (error) { return (error instanceof ConfigError) + ' ' + error.message; } };
  out.badOptions = attempt({ plugins: [plugin], rules: { 'acme/no-test-profiles': ['error', { prefix: '' }] } });
  out.typo = attempt({ policy: { qosProfile: [] } });
  const body = { device: { phoneNumber: '+34600000001' }, applicationServer: { ipv4Address: '198.51.100.0/24' }, qosProfile: 'QA_FAST', duration: 3600 };
  const bad = { device: { phoneNumber: '34600000001' }, applicationServer: { ipv4Address: '198.51.100.0/24' }, qosProfile: 'QA_FAST', duration: 0, devicePorts: { ports: [70000] } };
  const validator = createValidator({ plugins: [plugin], rules: { 'acme/no-test-profiles': ['warn', { prefix: 'QA_' }] }, dialect: 'auto' });
  out.valid = validator.validate(body);
  out.invalid = validator.validate(bad);
  out.errorInfo = toErrorInfo(out.invalid);
  out.json = validator.validateJson(utf8(JSON.stringify(bad, null, 2)));
  out.notJson = validator.validateJson('{"device": ');
  out.standard = [validator['~standard'].validate(body), validator['~standard'].validate(bad)];
  out.oneShot = validate({ ueId: { msisdn: '+34600000001' } }, { dialect: 'auto' }).dialect;
  const registry = createValidator({ dialect: 'qod-1.0', policy: { resolveDevice: async (id) => (id.type === 'phoneNumber' ? 'a' : 'b') } });
  out.mismatch = toErrorInfo(await registry.validateAsync({ ...body, qosProfile: 'QOS_E', device: { phoneNumber: '+34600000001', ipv6Address: '2001:db8::1' } }));
  const silent = createValidator({ policy: { resolveDevice: () => new Promise(() => {}), resolveDeviceTimeout: 5 } });
  out.timeout = (await silent.validateAsync({ ...body, qosProfile: 'QOS_E' })).issues.map((i) => i.messageId + ' ' + i.status);
  out.standardAsync = await silent['~standard'].validate({ ...body, qosProfile: 'QOS_E' });
  return JSON.stringify(out);
})()`;

async function runScenario(globals: Record<string, unknown>, setup: string, options: Parameters<typeof createContext>[1] = {}): Promise<Record<string, unknown>> {
  const context = createContext(globals, options);
  runInContext(setup, context);
  return JSON.parse(await (runInContext(SCENARIO, context) as Promise<string>)) as Record<string, unknown>;
}

describe('a browser/worker bundle of the library', () => {
  it('is one self-contained file: no Node built-in, no YAML parser, nothing left to import', () => {
    expect(bundle.moduleIds.filter((id) => id.startsWith('node:') || !id.startsWith('/') && !id.startsWith('\0'))).toEqual([]);
    expect(bundle.moduleIds.filter((id) => id.includes('/node_modules/yaml/'))).toEqual([]);
    // Nothing that generates code (a boolean: the bundle is too long for a diff).
    expect(/\bnew Function\b|\beval\(/.test(bundle.code)).toBe(false);
  });

  it('runs in a worker-like context without code generation, as the Node build does', { timeout: 60_000 }, async () => {
    // The bytes are made in the context's realm: a TextEncoder handed in would make the host's Uint8Array.
    const inContextUtf8 = 'var utf8 = (text) => new Uint8Array([...unescape(encodeURIComponent(text))].map((c) => c.charCodeAt(0)));';
    const edge = await runScenario(workerGlobals(), `${bundle.code};\n${inContextUtf8}`, { codeGeneration: { strings: false, wasm: false } });
    expect(edge.codegen).toBe('EvalError');
    expect(edge.globals).toEqual(['undefined', 'undefined', 'undefined', 'undefined']);
    expect(edge.badOptions).toBe("true Rule 'acme/no-test-profiles': option 'prefix' must not be empty (got '').");
    expect(edge.typo).toBe("true policy.qosProfile is not an option; did you mean 'policy.qosProfiles'?");
    expect(edge.valid).toMatchObject({ valid: true, issues: [{ ruleId: 'acme/no-test-profiles', severity: 'warn' }] });
    expect(edge.invalid).toMatchObject({ valid: false });
    expect(edge.errorInfo).toMatchObject({ status: 400 });
    expect(edge.json).toMatchObject({ valid: false, issues: expect.arrayContaining([expect.objectContaining({ line: expect.any(Number), column: expect.any(Number) })]) });
    expect(edge.notJson).toMatchObject({ valid: false, issues: [{ ruleId: 'parse', messageId: 'invalidJson' }] });
    expect(edge.oneShot).toBe('qod-0.8');
    expect(edge.mismatch).toEqual({ status: 422, code: 'IDENTIFIER_MISMATCH', message: expect.any(String) });
    expect(edge.timeout).toEqual(['resolverTimeout 500']);
    expect(edge.standardAsync).toEqual({ issues: [{ message: expect.stringContaining('within 5 ms'), path: ['device', 'phoneNumber'] }] });

    // The same scenario against the Node build gives the same answers.
    const lib = (await import(pathToFileURL(join(root, 'dist', 'index.js')).href)) as Record<string, unknown>;
    const node = await runScenario({ ...workerGlobals(), qodPolicy: lib, utf8: (text: string) => new TextEncoder().encode(text) }, '');
    expect({ ...node, codegen: 'EvalError' }).toEqual(edge);
  });
});
