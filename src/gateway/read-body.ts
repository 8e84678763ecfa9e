// Reading a request body from Node's http, bounded: the sidecar (src/cli/serve.ts) and the Express
// middleware when no body parser ran before it. handle() then judges the bytes (content type, size,
// JSON, duplicate keys), so these are only the transport's concerns: stop at the limit, notice a
// client that left.

import type { IncomingMessage } from 'node:http';

/** The body was not read: it is (or says it is) larger than the limit. */
export const TOO_LARGE: unique symbol = Symbol('too large');
/** The client went away (or a timeout closed the request) before the body was complete. */
export const ABORTED: unique symbol = Symbol('aborted');

/** A body as read: its bytes, or why there are none. */
export type ReadBody = Buffer | typeof TOO_LARGE | typeof ABORTED;

/**
 * Reads a request's body, up to `max` bytes: a declared length over the limit is refused before
 * anything is read, and reading stops at the chunk that crosses it (the caller answers 413 and
 * closes the connection, so the rest is never read).
 */
export function readBody(req: IncomingMessage, max: number): Promise<ReadBody> {
  if (Number(req.headers['content-length']) > max) return Promise.resolve(TOO_LARGE);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (body: ReadBody): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onClose);
      req.off('error', onClose);
      resolve(body);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > max) {
        req.pause();
        done(TOO_LARGE);
      } else chunks.push(chunk);
    };
    const onEnd = (): void => done(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    const onClose = (): void => done(ABORTED);
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('close', onClose);
    req.once('error', onClose);
  });
}
