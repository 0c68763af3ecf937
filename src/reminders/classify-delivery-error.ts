/**
 * Turns whatever a deliverer threw into what the scheduler does next: wait out a 429
 * (Retry-After), give up at once on errors retrying cannot fix (unknown user, DM
 * refused), or retry with backoff. Channel-free: each deliverer classifies its own
 * platform's errors (the Slack door's error codes live in create-slack-deliverer.ts) and
 * throws with `retryAfterMs`, `permanent: true` and a short `reason`; plain HTTP errors
 * (a `statusCode`/`status`, as botbuilder throws) are read by their status.
 */

export type DeliveryErrorClass =
  | { type: 'rate-limited'; retryAfterMs: number; reason: string }
  | { type: 'permanent'; reason: string }
  | { type: 'transient'; reason: string };

/** A deliverer may throw this to say exactly what happened. */
export class DeliveryError extends Error {
  readonly permanent: boolean;
  readonly retryAfterMs?: number;
  constructor(message: string, options: { permanent?: boolean; retryAfterMs?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'DeliveryError';
    this.permanent = options.permanent ?? false;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }
}

/** A short, log-safe reason: the deliverer's own (a platform error code) or the first line of the message. */
function reasonOf(e: Record<string, unknown>): string {
  if (typeof e.reason === 'string') return e.reason.slice(0, 200);
  const message = typeof e.message === 'string' ? e.message : String(e);
  return message.split('\n')[0]!.slice(0, 200);
}

export function classifyDeliveryError(error: unknown): DeliveryErrorClass {
  const e = (error && typeof error === 'object' ? error : { message: String(error) }) as Record<string, unknown>;
  const reason = reasonOf(e);
  if (typeof e.retryAfterMs === 'number') return { type: 'rate-limited', retryAfterMs: Math.max(0, e.retryAfterMs), reason: 'rate limited' };
  if (e.permanent === true) return { type: 'permanent', reason };
  // botbuilder / HTTP errors: 4xx other than 408/409/412/429 will not get better by retrying.
  const status = typeof e.statusCode === 'number' ? e.statusCode : typeof e.status === 'number' ? e.status : undefined;
  if (status === 429) {
    const headers = e.headers as Record<string, string> | undefined;
    const after = Number(headers?.['retry-after'] ?? 1);
    return { type: 'rate-limited', retryAfterMs: (Number.isFinite(after) ? after : 1) * 1000, reason: 'rate limited' };
  }
  if (status && status >= 400 && status < 500 && ![408, 409, 412].includes(status)) return { type: 'permanent', reason };
  return { type: 'transient', reason };
}

/** Exponential backoff: 30 s, 2 min, 8 min, 32 min … capped at 2 h. */
export function backoffMs(attempt: number, baseMs = 30_000): number {
  return Math.min(baseMs * 4 ** Math.max(0, attempt - 1), 2 * 3_600_000);
}
