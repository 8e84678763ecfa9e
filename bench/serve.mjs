// npm run bench:serve: the sidecar (`qod-policy serve`, plain mode) against a no-op server on the
// same HTTP stack (node:http, the same body reading and keep-alive), both on 127.0.0.1, each driven
// by autocannon with a fixed number of requests, with a valid and with an invalid body. Prints
// requests per second and p50/p99 latency for each, and the sidecar's share of the no-op server's
// throughput. Target: >= 90% on valid bodies. The client shares the machine's cores with the server
// it drives; absolute numbers depend on the machine and what else it is doing, the ratio much less.
//
//   node bench/serve.mjs [--requests n] [--connections n]
//   node bench/serve.mjs --noop            (the no-op server alone; prints its port)

import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { reference } from './reference-bodies.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { noop: { type: 'boolean' }, parse: { type: 'boolean' }, requests: { type: 'string' }, connections: { type: 'string' } } });

/** Starts a server process and waits for its listening line; its origin and a stop function. */
async function start(args) {
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const origin = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
  });
  return {
    origin,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

/** One autocannon run: its result, the time to its last answer and every response time (ms, as autocannon measures it, whatever the status). */
async function drive(url, body, amount, connections) {
  const times = [];
  const started = performance.now();
  let last = started;
  const instance = autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body, amount, connections });
  instance.on('response', (_client, _status, _bytes, responseTime) => {
    times.push(responseTime);
    last = performance.now();
  });
  const result = await instance;
  // Until the last answer: autocannon notices that `amount` is reached only on its next one-second tick.
  return { result, seconds: (last - started) / 1000, times: times.sort((a, b) => a - b) };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];

async function main() {
  const amount = Number(values.requests ?? 30000);
  const connections = Number(values.connections ?? 10);
  const bodies = { valid: JSON.stringify(reference.valid), invalid: JSON.stringify(reference.invalid) };
  const servers = {
    'no-op server': await start([fileURLToPath(import.meta.url), '--noop']),
    'no-op + JSON.parse': await start([fileURLToPath(import.meta.url), '--noop', '--parse']),
    'qod-policy serve': await start([join(root, 'bin', 'qod-policy.js'), 'serve', '--port', '0', '--no-config']),
  };
  const paths = { 'no-op server': '/', 'no-op + JSON.parse': '/', 'qod-policy serve': '/validate' };
  const rows = [];
  try {
    for (const [name, server] of Object.entries(servers)) {
      // Warm-up: JIT, connections, the validator's first bodies.
      await drive(server.origin + paths[name], bodies.valid, 2000, connections);
      await drive(server.origin + paths[name], bodies.invalid, 2000, connections);
    }
    for (const [kind, body] of Object.entries(bodies)) {
      for (const [name, server] of Object.entries(servers)) {
        const { result, seconds, times } = await drive(server.origin + paths[name], body, amount, connections);
        const statuses = Object.entries(result.statusCodeStats ?? {}).map(([status, { count }]) => `${status}×${count}`).join(' ');
        // Throughput over the whole run; latencies of every answer (autocannon's own histogram keeps
        // whole milliseconds of 2xx answers only, and the invalid body's answers are 400s).
        rows.push({ kind, name, rps: result.requests.total / seconds, p50: percentile(times, 50), p99: percentile(times, 99), errors: result.errors + result.timeouts, statuses });
      }
    }
  } finally {
    await Promise.all(Object.values(servers).map((server) => server.stop()));
  }

  console.log(`node ${process.version}, ${availableParallelism()} cores, load ${loadavg()[0].toFixed(2)}; ${amount} requests per run, ${connections} connections, keep-alive`);
  console.log(`valid body ${bodies.valid.length} B, invalid body ${bodies.invalid.length} B\n`);
  console.log(`${'body'.padEnd(9)}${'server'.padEnd(21)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}  answers`);
  for (const row of rows) {
    console.log(`${row.kind.padEnd(9)}${row.name.padEnd(21)}${row.rps.toFixed(0).padStart(9)}${row.p50.toFixed(3).padStart(9)}${row.p99.toFixed(3).padStart(9)}  ${row.statuses}${row.errors ? ` (${row.errors} errors)` : ''}`);
  }
  console.log('');
  for (const kind of Object.keys(bodies)) {
    const [noop, parse, sidecar] = ['no-op server', 'no-op + JSON.parse', 'qod-policy serve'].map((name) => rows.find((row) => row.kind === kind && row.name === name));
    const ratio = sidecar.rps / noop.rps;
    const target = kind === 'valid' ? `; target >= 90%: ${ratio >= 0.9 ? 'met' : 'NOT met'}` : '';
    console.log(`${kind}: the sidecar keeps ${(ratio * 100).toFixed(1)}% of the no-op server's throughput${target} (parsing the body alone keeps ${((parse.rps / noop.rps) * 100).toFixed(1)}%)`);
  }
}

/** The no-op server: the same stack as the sidecar: node:http with its timeouts and keep-alive, the
 * body read whole (up to the same 64 KiB), a small JSON answer; no validation. With --parse it
 * also parses the body with JSON.parse: the most any validator that reads the body can keep. */
function runNoop() {
  const server = createServer({ headersTimeout: 10_000, requestTimeout: 30_000, connectionsCheckingInterval: 1000 }, (req, res) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size <= 65536) chunks.push(chunk);
    });
    req.on('end', () => {
      const bytes = Buffer.concat(chunks, Math.min(size, 65536));
      let parsed = true;
      if (values.parse) {
        try {
          JSON.parse(bytes.toString());
        } catch {
          parsed = false;
        }
      }
      const body = JSON.stringify({ valid: parsed, bytes: bytes.length });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(0, '127.0.0.1', () => process.stdout.write(`listening on http://127.0.0.1:${server.address().port}\n`));
  process.on('SIGTERM', () => server.close(() => process.exit(0)).closeAllConnections());
}

if (values.noop) runNoop();
else await main();
