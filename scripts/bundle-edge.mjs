// A browser/worker bundle of the library: the built main entry (dist/index.js) and everything it
// imports, dependencies included, in one file for platform 'browser' (no Node built-ins), as an
// edge runtime's bundler (wrangler, vite, rolldown) would make it. Not published: the package's
// main entry is the edge build (it imports nothing of Node and generates no code at run time,
// docs/edge.md). `npm run bench` prints this bundle's minified size (bench/edge.mjs), and
// test/edge/edge-bundle.test.ts loads it where a worker would, without require, process or eval.
// Needs `npm run build` first.

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { rolldown } from 'rolldown';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Bytes of the package's own modules and of each dependency, before minification (rendered code). */
function partsOf(modules) {
  const parts = new Map();
  for (const [id, { renderedLength }] of Object.entries(modules)) {
    if (renderedLength === 0) continue;
    const inPackage = id.split('/node_modules/').pop();
    const name = id.includes('/node_modules/')
      ? inPackage.split('/').slice(0, inPackage.startsWith('@') ? 2 : 1).join('/')
      : id.startsWith(join(root, 'dist', 'schema', 'compiled'))
        ? 'qod-policy: compiled schemas'
        : 'qod-policy: the rest';
    parts.set(name, (parts.get(name) ?? 0) + renderedLength);
  }
  return [...parts].sort((a, b) => b[1] - a[1]);
}

/**
 * Bundles dist/index.js into one self-contained module. `format` 'esm' (what a worker loads) or
 * 'iife' (the exports in a global `qodPolicy`, for a plain script or a vm context).
 *
 * @returns {Promise<{ code: string, bytes: number, gzipBytes: number, moduleIds: string[], parts: [string, number][] }>}
 */
export async function bundleEdge({ format = 'esm', minify = true } = {}) {
  // An iife has no import.meta: it becomes {} there (what rolldown does anyway, said explicitly so
  // that it does not warn), and the built-in rules carry no documentation url (src/shared/docs-url.ts).
  const transform = format === 'iife' ? { define: { 'import.meta': '{}' } } : {};
  const bundle = await rolldown({ input: join(root, 'dist', 'index.js'), platform: 'browser', logLevel: 'warn', transform });
  try {
    const { output } = await bundle.generate({ format, minify, name: 'qodPolicy', codeSplitting: false });
    if (output.length !== 1) throw new Error(`bundle-edge: expected one file, got ${output.map((o) => o.fileName).join(', ')}`);
    const [chunk] = output;
    return {
      code: chunk.code,
      bytes: Buffer.byteLength(chunk.code),
      gzipBytes: gzipSync(chunk.code).length,
      moduleIds: Object.keys(chunk.modules),
      parts: partsOf(chunk.modules),
    };
  } finally {
    await bundle.close();
  }
}
