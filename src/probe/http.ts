// One HTTP exchange of the probe: a request on a new connection (no keep-alive, so that a server
// that closes or resets a connection only ever fails the request that was on it), a deadline for
// the whole exchange, and the answer's status, headers and text. A request that gets no answer
// rejects with a NoAnswer saying why in one short phrase.

import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** The most of an answer's body that is kept; the rest is read and dropped. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface HttpAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  /** The body as UTF-8 text (at most 1 MiB of it). */
  readonly text: string;
}

/** A request that got no HTTP answer: refused, reset, timed out, a TLS failure... */
export class NoAnswer extends Error {
  override name = 'NoAnswer';
}

const PHRASES: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset before an answer',
  EPIPE: 'the connection was closed while the request was sent',
  ENOTFOUND: 'the host name was not found',
  EAI_AGAIN: 'the host name could not be resolved',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  ETIMEDOUT: 'the connection timed out',
  UND_ERR_SOCKET: 'the connection failed',
};

function describe(error: NodeJS.ErrnoException): string {
  const code = error.code ?? '';
  const phrase = PHRASES[code];
  if (phrase !== undefined) return `${phrase} (${code})`;
  if (error.message === 'socket hang up') return 'the connection was closed before an answer';
  return error.message.split('\n')[0] ?? 'the request failed';
}

/** Sends one request; resolves with the answer, rejects with a NoAnswer. */
export function exchange(url: URL, method: string, headers: Readonly<Record<string, string>>, body: string | undefined, timeoutMs: number): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (message: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(new NoAnswer(message));
    };
    const bytes = body === undefined ? undefined : Buffer.from(body, 'utf8');
    const outgoing = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, {
      method,
      headers: bytes === undefined ? headers : { ...headers, 'content-length': String(bytes.length) },
      agent: false,
    });
    const timer = setTimeout(() => {
      fail(`no answer within ${timeoutMs} ms`);
      outgoing.destroy();
    }, timeoutMs);
    outgoing.on('error', (error: NodeJS.ErrnoException) => fail(describe(error)));
    outgoing.on('response', (answer: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let length = 0;
      answer.on('data', (chunk: Buffer) => {
        if (length >= MAX_BODY_BYTES) return;
        chunks.push(chunk);
        length += chunk.length;
      });
      answer.on('error', (error: NodeJS.ErrnoException) => fail(`the answer broke off: ${describe(error)}`));
      answer.on('aborted', () => fail('the answer broke off'));
      answer.on('end', () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ status: answer.statusCode ?? 0, headers: answer.headers, text: Buffer.concat(chunks).subarray(0, MAX_BODY_BYTES).toString('utf8') });
      });
    });
    outgoing.end(bytes);
  });
}
