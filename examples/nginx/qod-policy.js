// njs handler: nginx asks the qod-policy sidecar about each CreateSession body before it reaches
// the QoD API. Loaded by examples/nginx/nginx.conf (`js_import qod from qod-policy.js;`); written
// for the njs of Debian 12 (0.7.x: async functions, r.subrequest, r.internalRedirect; no for...of).
//
// The flow, for POST on the sessions collection:
//   1. the body (read by nginx into memory: client_body_buffer_size = client_max_body_size) goes to
//      the sidecar's POST /validate through the internal location /_qod_policy/validate;
//   2. 200: the request goes on, unchanged, to the QoD API (the named location @qod_api);
//   3. 4xx: the sidecar's answer (the CAMARA ErrorInfo, its status, content type and x-correlator)
//      is the client's answer;
//   4. anything else (the sidecar is down, times out, fails): 503 UNAVAILABLE. Fail closed: a body
//      nobody checked never reaches the network.

const relayedHeaders = ['Content-Type', 'x-correlator'];

function unavailable(r) {
  r.headersOut['Content-Type'] = 'application/json';
  r.return(503, JSON.stringify({ status: 503, code: 'UNAVAILABLE', message: 'Request validation is unavailable; try again later.' }));
}

/** The body as text; undefined when nginx wrote it to a file (larger than client_body_buffer_size). */
function bodyText(r) {
  try {
    return r.requestText || '';
  } catch (e) {
    return undefined;
  }
}

async function createSession(r) {
  if (r.method !== 'POST') {
    r.internalRedirect('@qod_api');
    return;
  }
  const body = bodyText(r);
  if (body === undefined) {
    r.headersOut['Content-Type'] = 'application/json';
    r.return(413, JSON.stringify({ status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.' }));
    return;
  }
  let reply;
  try {
    reply = await r.subrequest('/_qod_policy/validate', { method: 'POST', body: body });
  } catch (e) {
    r.error(`qod-policy: subrequest failed: ${e}`);
    unavailable(r);
    return;
  }
  if (reply.status === 200) {
    r.internalRedirect('@qod_api');
    return;
  }
  if (reply.status < 400 || reply.status > 499) {
    r.error(`qod-policy: the sidecar answered ${reply.status}`);
    unavailable(r);
    return;
  }
  relayedHeaders.forEach((name) => {
    const value = reply.headersOut[name];
    if (value !== undefined) r.headersOut[name] = value;
  });
  r.return(reply.status, reply.responseText || '');
}

export default { createSession };
