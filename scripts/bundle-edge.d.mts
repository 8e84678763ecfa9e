/** A browser/worker bundle of the built library (see bundle-edge.mjs). */
export interface EdgeBundle {
  code: string;
  bytes: number;
  gzipBytes: number;
  moduleIds: string[];
  parts: [string, number][];
}
export declare function bundleEdge(options?: { format?: 'esm' | 'iife'; minify?: boolean }): Promise<EdgeBundle>;
