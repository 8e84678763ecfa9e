// Bodies and requests shared by the gateway tests (Express, Fastify, nginx).

export const SESSIONS = '/quality-on-demand/v1/sessions';
export const valid = { device: { phoneNumber: '+34600000001' }, applicationServer: { ipv4Address: '198.51.100.10' }, qosProfile: 'QOS_E', duration: 3600 };
export const noDevice = { applicationServer: { ipv4Address: '198.51.100.10' }, qosProfile: 'QOS_E', duration: 3600 };
/** 400 OUT_OF_RANGE in CAMARA 1.2. */
export const badDuration = { ...valid, duration: 0 };
export const correlator = 'b4333c46-49c0-4f62-80d7-f0ef930f1c46';

/** POSTs a body (a value is sent as JSON) with the JSON content type unless the headers say otherwise. */
export function post(origin: string, body: unknown, headers: Record<string, string> = {}, path = SESSIONS): Promise<Response> {
  return fetch(`${origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** The status, the x-correlator header and the parsed body of an answer. */
export async function read(response: Response): Promise<{ status: number; correlator: string | null; body: Record<string, unknown> }> {
  return { status: response.status, correlator: response.headers.get('x-correlator'), body: (await response.json()) as Record<string, unknown> };
}
