/**
 * Webhook signatures: HMAC-SHA-256 with the team's secret over `<timestamp>.<body>`, sent as
 * `x-cailos-signature: t=<unix seconds>,v1=<hex>`. Signing the timestamp with the body lets a receiver
 * refuse replays of an old delivery (compare `t` with its clock) as well as forged or altered bodies.
 */

export const SIGNATURE_HEADER = 'x-cailos-signature';

const encoder = new TextEncoder();

function hex(bytes: ArrayBuffer): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function signPayload(secret: string, timestampSeconds: number, body: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return hex(await crypto.subtle.sign('HMAC', key, encoder.encode(`${timestampSeconds}.${body}`)));
}

export async function signatureHeader(secret: string, timestampSeconds: number, body: string): Promise<string> {
  return `t=${timestampSeconds},v1=${await signPayload(secret, timestampSeconds, body)}`;
}
