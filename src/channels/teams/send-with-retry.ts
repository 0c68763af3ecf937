/**
 * Retries a Teams connector call on the answers Microsoft documents as transient
 * (429 throttled, 412 precondition failed, 502 and 504), with exponential backoff and
 * jitter (half to all of the backoff), honouring Retry-After. When retries run out it throws a
 * TeamsDeliveryError carrying `retryAfterMs`, which the reminders scheduler reads as
 * "try again later". Sleep and randomness are injected for tests.
 */
import { AdvisorError } from '../../errors.js';
import { defaultSleep } from './create-tenant-throttle.js';

export const RETRYABLE_STATUSES = [429, 412, 502, 504] as const;

export class TeamsDeliveryError extends AdvisorError {
  readonly status: number | null;
  /** Set when the failure is transient: how long to wait before trying again. */
  readonly retryAfterMs?: number;
  /** Retrying cannot help (no chat with the user, the user blocked the bot): the scheduler fails it at once. */
  readonly permanent: boolean;
  constructor(message: string, options: { status: number | null; retryAfterMs?: number; permanent?: boolean; cause?: unknown }) {
    super(message, 'DELIVERY_FAILED', { cause: options.cause });
    this.status = options.status;
    this.permanent = options.permanent ?? false;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }
}

/**
 * The bot cannot reach this traveller in Teams at all (no chat with them, and it may not or
 * cannot install itself for them): permanent, with a short `message` (the reminder's failure
 * reason, kept under 200 characters) and the `fix` the travel desk is told once
 * (unreachable-notices.ts).
 */
export class TeamsUnreachableError extends TeamsDeliveryError {
  readonly fix: string;
  constructor(message: string, fix: string, options: { status?: number | null; cause?: unknown } = {}) {
    super(message, { status: options.status ?? null, permanent: true, cause: options.cause });
    this.fix = fix;
  }
}

export interface RetryOptions {
  retries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** The HTTP status of a failed connector call (botbuilder's RestError has `statusCode`). */
export function statusOf(error: unknown): number | null {
  const e = error as { statusCode?: unknown; status?: unknown; response?: { status?: unknown } } | null;
  const s = e?.statusCode ?? e?.status ?? e?.response?.status;
  return typeof s === 'number' ? s : null;
}

/** Retry-After in ms, from a RestError's response headers, when the service sent one. */
export function retryAfterOf(error: unknown): number | null {
  const headers = (error as { response?: { headers?: { get?(name: string): string | undefined } } } | null)?.response?.headers;
  const value = headers?.get?.('retry-after');
  if (!value) return null;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : null;
}

export async function sendWithRetry<T>(send: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const retries = options.retries ?? 4;
  const base = options.baseDelayMs ?? 1000;
  const max = options.maxDelayMs ?? 30_000;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  for (let attempt = 0; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      const status = statusOf(error);
      const retryable = status !== null && (RETRYABLE_STATUSES as readonly number[]).includes(status);
      const backoff = Math.min(max, base * 2 ** attempt);
      if (!retryable)
        throw new TeamsDeliveryError(`Teams refused the message${status ? ` (HTTP ${status})` : ''}`, {
          status,
          // 401/403/404: the bot was removed or blocked, or the conversation is gone; other failures may pass.
          permanent: status !== null && [401, 403, 404].includes(status),
          cause: error,
        });
      if (attempt >= retries)
        throw new TeamsDeliveryError(`Teams kept answering HTTP ${status} after ${retries + 1} attempts`, {
          status,
          retryAfterMs: retryAfterOf(error) ?? max,
          cause: error,
        });
      await sleep(retryAfterOf(error) ?? Math.round(backoff * (0.5 + random() / 2)));
    }
  }
}
