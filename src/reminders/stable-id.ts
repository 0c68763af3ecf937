/**
 * Ids derived from what a record stands for, shaped like a UUID. A trip created under an
 * idempotency key (a CSV row, an API Idempotency-Key, a chat button) gets the same trip
 * id and the same reminder ids every time it is written, so a write repeated after a
 * crash, a timeout or a re-run lands on the same records instead of creating a second
 * trip with three more reminders.
 */
import { createHash } from 'node:crypto';

/** A UUID-shaped id (RFC 9562 version 8, "custom") from SHA-256 of the parts. */
export function stableId(...parts: string[]): string {
  const h = createHash('sha256').update(JSON.stringify(parts)).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
