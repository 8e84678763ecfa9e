// The size of a browser/worker bundle of the library (issue 9): dist/index.js with its
// dependencies, bundled by rolldown for platform 'browser' and minified (scripts/bundle-edge.mjs),
// as a Worker would deploy it. Target: at most 250 kB minified. What makes it up is shown before
// minification, by part, so that the biggest is plain.
import { bundleEdge } from '../scripts/bundle-edge.mjs';
import { target } from './targets.mjs';

const TARGET = 250_000;
const kB = (bytes) => `${(bytes / 1000).toFixed(0)} kB`;

const { bytes, gzipBytes, parts } = await bundleEdge();
const rendered = parts.reduce((sum, [, size]) => sum + size, 0);
console.log('');
console.log(`edge bundle (browser/worker, minified): ${kB(bytes)} (gzip ${kB(gzipBytes)})`);
target('edge bundle, minified (issue 9)', bytes / 1000, '<=', TARGET / 1000, 'kB');
console.log(`  before minification, by part: ${parts.map(([name, size]) => `${name} ${Math.round((size / rendered) * 100)}%`).join(', ')}`);
