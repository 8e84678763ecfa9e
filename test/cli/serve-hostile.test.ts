// The sidecar under hostile load: a few thousand bad requests of every kind (truncated bodies,
// slow senders, oversized bodies, wrong content types, invalid JSON, idle connections by the
// hundred), many at once. Bounded in number; the timeouts are short so that it ends soon. Every
// request that gets an answer gets the right one; the server stays up, answers a valid request
// afterwards, and its resident memory stays within RSS_BOUND of what it was before
// (docs/cli.md#serve, "Under hostile load").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, rawConnection, startServe, validBody, type Serving } from './serve-helpers.js';

/** How much the resident memory may grow over the run (documented in docs/cli.md). */
const RSS_BOUND = 64 * 1024 * 1024;
const ROUNDS = 25;
const PER_ROUND = 100;

async function rss(origin: string): Promise<number> {
  const text = await (await fetch(`${origin}/metrics`)).text();
  return Number(/^process_resident_memory_bytes (\d+)$/m.exec(text)![1]);
}

/** Runs the tasks, at most `width` at a time. */
async function pool<T>(tasks: (() => Promise<T>)[], width: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]!();
      }
    }),
  );
  return results;
}

/** The status of a raw exchange ('' when the server closed without answering). */
async function raw(port: number, text: string, end: boolean): Promise<string> {
  const { socket, closed } = await rawConnection(port);
  socket.write(text);
  if (end) socket.end();
  const answer = await closed;
  return /^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? '';
}

describe('qod-policy serve under hostile load', () => {
  let sidecar: Serving;
  beforeAll(async () => {
    sidecar = await startServe(['--headers-timeout', '500', '--request-timeout', '1000', '--max-body-bytes', '8192']);
  }, 60_000);
  afterAll(async () => {
    expect(await sidecar.stop()).toBe(0);
    expect(sidecar.stderr()).toBe('');
  });

  it(`answers ${ROUNDS * PER_ROUND} hostile requests correctly, stays up and keeps its memory`, async () => {
    const url = `${sidecar.origin}/validate`;
    // Warm up, so that the first measurement is not of a server that has loaded nothing yet.
    await pool(Array.from({ length: 200 }, () => () => post(url, validBody)), 20);
    const before = await rss(sidecar.origin);

    // Hundreds of connections that never send anything: closed by the headers timeout, meanwhile the rest is served.
    const idle = await Promise.all(Array.from({ length: 200 }, () => rawConnection(sidecar.port)));

    const kinds: [string, () => Promise<string>, string[]][] = [
      ['wrong content type', async () => String((await post(url, validBody, { 'content-type': 'text/plain' })).status), ['415']],
      ['invalid JSON', async () => String((await post(url, '{"duration": 3600,,}')).status), ['400']],
      ['oversized (declared)', async () => String((await post(url, 'x'.repeat(20_000))).status), ['413']],
      ['oversized (streamed)', () => raw(sidecar.port, `POST /validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n4000\r\n${'x'.repeat(0x4000)}\r\n`, false), ['413']],
      // The client stops sending half way and closes: nothing to answer, nothing to break.
      ['truncated body', () => raw(sidecar.port, 'POST /validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n{"device": {"phone', true), ['', '400']],
      // Half the headers, then silence: the headers timeout ends it.
      ['slow sender', () => raw(sidecar.port, 'POST /validate HTTP/1.1\r\nHost: x\r\nContent-Ty', false), ['', '408']],
      ['bad x-correlator', async () => String((await post(url, validBody, { 'x-correlator': 'a b' })).status), ['400']],
      ['invalid body', async () => String((await post(url, { ...validBody, duration: -1 })).status), ['400']],
      ['not HTTP', () => raw(sidecar.port, '\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 garbage\r\n\r\n', false), ['400']],
    ];
    const tasks: (() => Promise<[string, string]>)[] = [];
    for (let i = 0; i < ROUNDS * PER_ROUND; i++) {
      const [name, run] = kinds[i % kinds.length]!;
      tasks.push(async () => [name, await run()]);
    }
    const results = await pool(tasks, 50);
    const wrong = results.filter(([name, status]) => !kinds.find(([n]) => n === name)![2].includes(status));
    expect(wrong).toEqual([]);

    // The idle connections were closed by the server, not by us.
    await Promise.all(idle.map((connection) => connection.closed));

    const valid = await post(url, validBody);
    expect(valid.status).toBe(200);
    expect(await rss(sidecar.origin)).toBeLessThan(before + RSS_BOUND);
  }, 180_000);
});
