// Reading a request body from a Node stream, bounded: what a middleware does when no body parser
// read the body before it. handle() then judges the bytes (content type, size, JSON, duplicate
// keys), so these are only the transport's concerns: stop at the limit, notice a client that left.

import type { Readable } from 'node:stream';

/** The body was not read: it is (or says it is) larger than the limit. */
export const TOO_LARGE: unique symbol = Symbol('too large');
/** The client went away before the body was complete. */
export const ABORTED: unique symbol = Symbol('aborted');

/** A body as read: its bytes, or why there are none. */
export type ReadBody = Uint8Array | typeof TOO_LARGE | typeof ABORTED;

/**
 * Reads a body of at most `max` bytes: a declared content-length over the limit is refused before
 * anything is read, and reading stops at the chunk that crosses it (the caller answers 413 and
 * closes the connection, so the rest is never read).
 */
export function readBody(stream: Readable, contentLength: string | undefined, max: number): Promise<ReadBody> {
  if (Number(contentLength) > max) return Promise.resolve(TOO_LARGE);
  return new Promise((resolve) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const done = (body: ReadBody): void => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('close', onClose);
      stream.off('error', onClose);
      resolve(body);
    };
    const onData = (chunk: Uint8Array): void => {
      size += chunk.byteLength;
      if (size > max) {
        stream.pause();
        done(TOO_LARGE);
      } else chunks.push(chunk);
    };
    const onEnd = (): void => done(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    const onClose = (): void => done(ABORTED);
    stream.on('data', onData);
    stream.once('end', onEnd);
    stream.once('close', onClose);
    stream.once('error', onClose);
  });
}

