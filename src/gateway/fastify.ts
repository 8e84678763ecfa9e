// qod-policy/fastify: a Fastify plugin around handle() (docs/gateways.md, "Fastify"). Fastify is an
// optional peer dependency: it is only named in types here.
//
// A preValidation hook judges request.body, the value Fastify's content-type parser made (Fastify's
// own bodyLimit and parser errors come first). The plugin is not encapsulated (as fastify-plugin
// would make it): the hook applies to the routes of the context it is registered in, so register it
// next to the CreateSession route. Only POST is judged; other methods pass untouched.

import type { FastifyInstance, FastifyPluginCallback, FastifyReply, FastifyRequest } from 'fastify';
import type { Report } from '../types.js';
import { middleware, type Middleware, type MiddlewareOptions } from './middleware.js';

/** Options of the Fastify plugin: createHandler's, and the mode and token kind. */
export type FastifyOptions = MiddlewareOptions<FastifyRequest>;

declare module 'fastify' {
  interface FastifyRequest {
    /** The report of qod-policy's plugin (for a request refused before its body was judged, the finding about the request itself). */
    qodReport?: Report;
  }
}

function register(fastify: FastifyInstance, options: FastifyOptions, done: (error?: Error) => void): void {
  let setup: Middleware<FastifyRequest>;
  try {
    setup = middleware<FastifyRequest>(options);
  } catch (error) {
    done(error as Error);
    return;
  }
  const { handle, observe, headersOf } = setup;
  if (!fastify.hasRequestDecorator('qodReport')) fastify.decorateRequest('qodReport', undefined);

  fastify.addHook('preValidation', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method.toUpperCase() !== 'POST') return;
    const answer = await handle({ method: request.method, headers: headersOf(request, request.headers), body: request.body });
    if (observe || answer.status === 200) {
      request.qodReport = answer.report;
      const correlator = answer.headers['x-correlator'];
      if (correlator !== undefined) void reply.header('x-correlator', correlator);
      return;
    }
    return reply.code(answer.status).headers(answer.headers).send(answer.body);
  });
  done();
}

/**
 * Fastify plugin that validates CreateSession bodies in a preValidation hook: an invalid one is
 * answered with its CAMARA ErrorInfo and status; a valid one goes on with the report in
 * `request.qodReport` (and with `mode: 'observe'`, every request goes on). Options are
 * createHandler's (checked at registration: a mistake fails `ready()` with a ConfigError), plus
 * `mode` and `tokenIdentifiesDevice`.
 *
 * @example
 * import { qodPolicy } from 'qod-policy/fastify';
 * await app.register(async (sessions) => {
 *   await sessions.register(qodPolicy, { policy: { qosProfiles } });
 *   sessions.post('/quality-on-demand/v1/sessions', createSession);
 * });
 */
export const qodPolicy: FastifyPluginCallback<FastifyOptions> = Object.assign(register, {
  // What fastify-plugin sets: the hook and decorator belong to the context that registers the plugin.
  [Symbol.for('skip-override')]: true,
  [Symbol.for('fastify.display-name')]: 'qod-policy',
  [Symbol.for('plugin-meta')]: { name: 'qod-policy', fastify: '>=4' },
});
