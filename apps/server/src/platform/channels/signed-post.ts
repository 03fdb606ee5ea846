/**
 * The one request every channel adapter makes: a JSON POST to the gateway the district configured, signed with its
 * key. Headers:
 *   content-type: application/json
 *   x-sj-delivery:  the outbox row's id (the same on every retry: the gateway drops a repeat)
 *   x-sj-timestamp: Unix seconds when the request was made
 *   x-sj-signature: hex HMAC-SHA256 of `${timestamp}.${body}` with the channel's key
 */
import { createHmac } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-sj-signature';
export const TIMESTAMP_HEADER = 'x-sj-timestamp';
export const DELIVERY_HEADER = 'x-sj-delivery';

export function sign(key: string, timestamp: string, body: string): string {
  return createHmac('sha256', key).update(`${timestamp}.${body}`).digest('hex');
}

/** A refusal the gateway will give again (4xx other than 408 and 429): retrying cannot help. */
export class PermanentDeliveryError extends Error {}

export async function signedPost(url: string, key: string, delivery: string, payload: unknown, options: { now: Date; timeoutMs: number }): Promise<void> {
  const body = JSON.stringify(payload);
  const timestamp = String(Math.floor(options.now.getTime() / 1000));
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [DELIVERY_HEADER]: delivery, [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: sign(key, timestamp, body) },
    body,
    signal: AbortSignal.timeout(options.timeoutMs),
  });
  if (res.ok) {
    await res.body?.cancel();
    return;
  }
  const text = (await res.text().catch(() => '')).slice(0, 300);
  const message = `HTTP ${res.status}${text ? `: ${text}` : ''}`;
  if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) throw new PermanentDeliveryError(message);
  throw new Error(message);
}
