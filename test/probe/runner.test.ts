// The runner against the mock QoD API (./mock-api.ts) on 127.0.0.1: a conformant mock passes every
// case; each kind of wrong answer is a failure of the case it was given to, saying what was wrong;
// sessions any answer creates are deleted; the run stops after N requests without an answer, and
// when aborted (after the request in flight).

import { afterEach, describe, expect, it } from 'vitest';
import { formatRun } from '../../src/probe/formats.js';
import { passed, runProbe } from '../../src/probe/runner.js';
import { buildSuite } from '../../src/probe/suite.js';
import type { CaseResult, ProbeRun } from '../../src/probe/types.js';
import { validateJson, type ValidateOptions } from '../../src/index.js';
import { startMock, type Fault, type MockApi, type MockOptions, type Recorded } from './mock-api.js';

const options: ValidateOptions = { dialect: 'qod-1.2', context: { tokenIdentifiesDevice: false } };
const suite = buildSuite({ options, tokenKind: 'two-legged' });

let mock: MockApi | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

async function run(mockOptions: MockOptions, extra: Partial<Parameters<typeof runProbe>[1]> = {}, which = suite): Promise<ProbeRun> {
  mock = await startMock({ validate: options, ...mockOptions });
  return runProbe(which, { baseUrl: new URL(mock.base), rate: 0, timeoutMs: 5000, maxConnectionFailures: 100, ...extra });
}

function byId(probeRun: ProbeRun, id: string): CaseResult {
  const result = probeRun.results.find((r) => r.case.id === id);
  if (result === undefined) throw new Error(`no case ${id}`);
  return result;
}

function failedIds(probeRun: ProbeRun): string[] {
  return probeRun.results.filter((r) => r.outcome !== 'passed').map((r) => r.case.id);
}

/** The case a request was for (the bodies are distinct). */
function caseOf(request: Recorded): string | undefined {
  return suite.cases.find((c) => c.body === request.body)?.id;
}

describe('probe runner', () => {
  it('passes every case against a conformant API; each request is POST <base>/sessions, JSON, with a fresh x-correlator and the given headers', async () => {
    const probeRun = await run({}, { headers: [['Authorization', 'Bearer secret-token']] });
    expect(failedIds(probeRun)).toEqual([]);
    expect(passed(probeRun)).toBe(true);
    expect(mock!.requests).toHaveLength(suite.cases.length);
    for (const request of mock!.requests) {
      expect(request.method).toBe('POST');
      expect(request.path).toBe('/qod/v1/sessions');
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.headers.authorization).toBe('Bearer secret-token');
    }
    const correlators = mock!.requests.map((r) => r.headers['x-correlator']);
    expect(new Set(correlators).size).toBe(suite.cases.length);
    for (const correlator of correlators) expect(correlator).toMatch(/^[a-zA-Z0-9-]{1,55}$/);
    // The sent bodies are the suite's, in order.
    expect(mock!.requests.map(caseOf)).toEqual(suite.cases.map((c) => c.id));
  });

  it('reports each kind of wrong answer as a failure of its case, saying what was wrong', async () => {
    const faults: Record<string, Fault> = {
      'port-ranges/aboveMaximum': { kind: 'status', status: 422 },
      'phone-number/missingPlus': { kind: 'code', code: 'BAD_REQUEST' },
      'sink/notUri': { kind: 'no-correlator' },
      'schema/pattern#qos-profile-bad-character': { kind: 'text-error' },
      'ip-address/zoneId': { kind: 'crash' },
      'duration-bounds/belowMinimum': { kind: 'accept' },
      'ip-address/leadingZeros': { kind: 'status', status: 500 },
    };
    const probeRun = await run({ fault: (request) => faults[caseOf(request) ?? ''] });
    expect(failedIds(probeRun).sort()).toEqual(Object.keys(faults).sort());
    expect(byId(probeRun, 'port-ranges/aboveMaximum').failures).toEqual(['The status is 422; expected 400.']);
    expect(byId(probeRun, 'phone-number/missingPlus').failures).toEqual(["The code is 'BAD_REQUEST'; expected INVALID_ARGUMENT."]);
    expect(byId(probeRun, 'sink/notUri').failures).toEqual(['The answer does not echo the x-correlator header.']);
    expect(byId(probeRun, 'schema/pattern#qos-profile-bad-character').failures).toEqual(["The content type is 'text/plain'; expected application/json.", 'The body is not a JSON object; expected a CAMARA ErrorInfo.']);
    const crashed = byId(probeRun, 'ip-address/zoneId');
    expect(crashed.error).toMatch(/connection was (reset|closed)/);
    expect(crashed.failures).toEqual([`No answer: ${crashed.error}.`]);
    const accepted = byId(probeRun, 'duration-bounds/belowMinimum');
    expect(accepted.failures[0]).toBe('The status is 201 (the endpoint accepted an invalid body); expected 400.');
    expect(byId(probeRun, 'ip-address/leadingZeros').failures).toEqual(['The status is 500; expected 400.']);
    // The session the wrong 201 created was deleted at once.
    expect(probeRun.sessions).toEqual([expect.objectContaining({ caseId: 'duration-bounds/belowMinimum', deleted: true, deleteStatus: 204 })]);
    expect(mock!.sessions.size).toBe(0);
    // The report names every failed case.
    const stylish = formatRun(probeRun, 'stylish', { color: false, version: '0.0.0' });
    for (const id of Object.keys(faults)) expect(stylish).toMatch(new RegExp(`\\u2717 ${id.replace(/[/#.]/g, '\\$&')} `));
    expect(stylish).toContain(`\u2716 ${Object.keys(faults).length} of ${suite.cases.length} cases failed (${suite.cases.length - Object.keys(faults).length} passed)`);
    expect(passed(probeRun)).toBe(false);
  });

  it('checks the ErrorInfo: status equal to the HTTP status, a message, and CAMARA 1.2 limits', async () => {
    const one = suite.cases.filter((c) => c.id === 'sink/notHttps');
    const shapes: Record<string, string> = {};
    const { createServer } = await import('node:http');
    const bodies = [
      JSON.stringify({ status: 422, code: 'INVALID_SINK', message: 'm' }),
      JSON.stringify({ status: 400, code: 'INVALID_SINK' }),
      JSON.stringify({ status: 400, code: 'X'.repeat(97), message: 'm'.repeat(513) }),
      JSON.stringify(['not', 'an', 'object']),
    ];
    let next = 0;
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(400, { 'content-type': 'application/json; charset=utf-8', 'x-correlator': String(req.headers['x-correlator']) }).end(bodies[next++]));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = new URL(`http://127.0.0.1:${(server.address() as { port: number }).port}/`);
    try {
      for (let i = 0; i < bodies.length; i++) {
        const result = (await runProbe({ ...suite, cases: one }, { baseUrl: url, rate: 0 })).results[0]!;
        shapes[String(i)] = result.failures.join(' | ');
      }
    } finally {
      server.close();
    }
    expect(shapes).toEqual({
      '0': "The ErrorInfo's status 422 is not the HTTP status 400.",
      '1': 'The ErrorInfo has no message.',
      '2': "The code is 'XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX...'; expected INVALID_SINK or INVALID_ARGUMENT. | The ErrorInfo's code has 97 characters; at most 96. | The ErrorInfo's message has 513 characters; at most 512.",
      '3': 'The body is not a JSON object; expected a CAMARA ErrorInfo.',
    });
  });

  it('stops after the given number of requests without an answer; the rest are not run', async () => {
    const probeRun = await run({ fault: () => ({ kind: 'crash' }) }, { maxConnectionFailures: 2 });
    expect(mock!.requests).toHaveLength(2);
    expect(probeRun.stopped).toBe('2 requests got no answer');
    expect(probeRun.results.map((r) => r.outcome)).toEqual(['failed', 'failed', ...Array<string>(suite.cases.length - 2).fill('not-run')]);
    expect(probeRun.results[2]!.failures).toEqual(['Not sent: the run stopped (2 requests got no answer).']);
  });

  it('counts a request not answered in time as no answer', async () => {
    const probeRun = await run({ fault: (request) => (caseOf(request) === 'sink/missingHost' ? { kind: 'silence' } : undefined) }, { timeoutMs: 300 });
    expect(byId(probeRun, 'sink/missingHost').error).toBe('no answer within 300 ms');
    expect(failedIds(probeRun)).toEqual(['sink/missingHost']);
  });

  it('a refused connection is no answer', async () => {
    mock = await startMock();
    const base = mock.base;
    await mock.close();
    mock = undefined;
    const probeRun = await runProbe(suite, { baseUrl: new URL(base), rate: 0 });
    expect(probeRun.results[0]!.error).toBe('the connection was refused (ECONNREFUSED)');
    expect(probeRun.results.filter((r) => r.outcome === 'failed')).toHaveLength(3);
    expect(probeRun.stopped).toBe('3 requests got no answer');
  });

  it('sends the valid body only when the suite has it, and deletes the session it creates', async () => {
    const withValid = buildSuite({ options, tokenKind: 'two-legged', includeValid: true });
    const probeRun = await run({}, {}, withValid);
    expect(failedIds(probeRun)).toEqual([]);
    const valid = mock!.requests.filter((r) => r.method === 'POST' && validateJson(r.body, options).valid);
    expect(valid).toHaveLength(1);
    expect(probeRun.sessions).toEqual([expect.objectContaining({ caseId: 'valid', deleted: true })]);
    const deletes = mock!.requests.filter((r) => r.method === 'DELETE');
    expect(deletes.map((r) => r.path)).toEqual([`/qod/v1/sessions/${probeRun.sessions[0]!.sessionId}`]);
    expect(mock!.sessions.size).toBe(0);
  });

  it('deletes every session an endpoint that accepts everything creates', async () => {
    const probeRun = await run({ fault: () => ({ kind: 'accept' }) });
    expect(probeRun.results.every((r) => r.outcome === 'failed')).toBe(true);
    expect(probeRun.sessions).toHaveLength(suite.cases.length);
    expect(probeRun.sessions.every((s) => s.deleted)).toBe(true);
    expect(mock!.sessions.size).toBe(0);
  });

  it('reports a session that could not be deleted, and fails the run for it', async () => {
    const withValid = buildSuite({ options, tokenKind: 'two-legged', includeValid: true });
    mock = await startMock({ validate: options });
    // The DELETE goes to a mock that has forgotten the session: 404.
    const probeRun = await runProbe({ ...withValid, cases: withValid.cases.slice(0, 1) }, {
      baseUrl: new URL(mock.base),
      rate: 0,
      sessions: [],
      correlator: (() => {
        let n = 0;
        return () => {
          if (n++ === 1) mock!.sessions.clear();
          return `c-${n}`;
        };
      })(),
    });
    expect(probeRun.results[0]!.failures).toEqual([`The session ${probeRun.sessions[0]!.sessionId} it created could not be deleted: DELETE answered 404.`]);
    expect(passed(probeRun)).toBe(false);
  });

  it('an abort lets the request in flight finish, deletes the session it created, and sends nothing more', async () => {
    const controller = new AbortController();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    mock = await startMock({ validate: options, fault: (_, index) => (index === 2 ? { kind: 'hold', release: held } : undefined) });
    const probeRun = runProbe(suite, { baseUrl: new URL(mock.base), rate: 0, signal: controller.signal });
    await mock.received(3);
    controller.abort();
    release();
    const done = await probeRun;
    expect(done.stopped).toBe('interrupted');
    expect(done.results.slice(0, 3).map((r) => r.outcome)).toEqual(['passed', 'passed', 'failed']);
    expect(done.results.slice(3).every((r) => r.outcome === 'not-run')).toBe(true);
    expect(done.sessions).toEqual([expect.objectContaining({ caseId: suite.cases[2]!.id, deleted: true })]);
    expect(mock!.requests.map((r) => r.method)).toEqual(['POST', 'POST', 'POST', 'DELETE']);
  });
});
