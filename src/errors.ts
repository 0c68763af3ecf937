/**
 * Typed errors. Every error the advisor raises on purpose carries a stable `code`
 * and a message that says how to fix the problem; doors turn them into replies,
 * the CLI into a one-line message and a non-zero exit.
 */
export type ErrorCode =
  | 'CONFIG_INVALID'
  | 'CONTENT_INVALID'
  | 'INPUT_INVALID'
  | 'UNKNOWN_PLACE'
  | 'NOT_FOUND'
  | 'UNAUTHORIZED'
  | 'DELIVERY_FAILED'
  | 'IDEMPOTENCY_CONFLICT'
  | 'STORE_UNAVAILABLE'
  | 'FORBIDDEN'
  | 'MESSAGE_TOO_LARGE'
  | 'INTERNAL';

export class AdvisorError extends Error {
  readonly code: ErrorCode;
  constructor(message: string, code: ErrorCode = 'INTERNAL', options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** Bad environment or options; `problems` lists every bad variable at once. */
export class ConfigError extends AdvisorError {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`, 'CONFIG_INVALID');
    this.problems = problems;
  }
}

/** One problem in one content file, located as file:line so a reviewer can click it. */
export interface ContentProblem {
  file: string;
  line: number;
  message: string;
  severity: 'error' | 'warning';
}

export function formatProblem(p: ContentProblem): string {
  return `${p.file}:${p.line}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
}

/** The content base is malformed: start-up stops and names file, line, field and what was expected. */
export class ContentError extends AdvisorError {
  readonly problems: ContentProblem[];
  constructor(problems: ContentProblem[]) {
    const errors = problems.filter((p) => p.severity === 'error');
    super(
      `Content base is invalid (${errors.length} error${errors.length === 1 ? '' : 's'}):\n` +
        errors.map((p) => `  ${formatProblem(p)}`).join('\n'),
      'CONTENT_INVALID',
    );
    this.problems = problems;
  }
}

/** User input the advisor cannot take (empty, too long, binary). */
export class InputError extends AdvisorError {
  constructor(message: string) {
    super(message, 'INPUT_INVALID');
  }
}

/**
 * A trip a travel desk asked for (HTTP API, desk command) that cannot be planned:
 * `problems` lists each, "field: what was expected" (dates too far out or too long,
 * destinations that name no country), so the API can return them all and a chat door
 * can say them in one line.
 */
export class InvalidTripError extends InputError {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`The trip is not valid: ${problems.join('; ')}`);
    this.problems = problems;
  }
}

/**
 * An idempotency key came back with a different request than the one that first used
 * it (`different-request`: the HTTP API answers 422), or while the first request is
 * still being processed on another replica (`in-progress`: 409, retry shortly).
 */
export class IdempotencyConflictError extends AdvisorError {
  readonly reason: 'different-request' | 'in-progress';
  constructor(reason: 'different-request' | 'in-progress', message: string) {
    super(message, 'IDEMPOTENCY_CONFLICT');
    this.reason = reason;
  }
}

/**
 * The store (keyv on SQLite, Redis or Postgres) or the reminder queue (BullMQ) failed
 * or did not answer within STORE_TIMEOUT_MS. Nothing the failed call was writing may be
 * reported as saved: the HTTP API answers 503 with Retry-After, chat doors say the trip
 * was not saved, the CSV import counts the row as failed. `dependency` says which part
 * failed; the driver's own error (which may quote keys) stays in `cause`, for the log only.
 */
export class StoreUnavailableError extends AdvisorError {
  readonly dependency: 'store' | 'queue';
  /** What a caller should wait before retrying, in seconds (the HTTP Retry-After). */
  readonly retryAfterSeconds: number;
  constructor(dependency: 'store' | 'queue', reason: 'timeout' | 'error', options?: { cause?: unknown; retryAfterSeconds?: number }) {
    super(
      `The ${dependency === 'store' ? 'data store' : 'reminder queue'} is unavailable (${reason === 'timeout' ? 'no answer in time' : 'connection or query failed'}); nothing was saved. Retry in a moment.`,
      'STORE_UNAVAILABLE',
      options,
    );
    this.dependency = dependency;
    this.retryAfterSeconds = options?.retryAfterSeconds ?? 5;
  }

  /** What a chat door tells the person whose request was not saved (plain text, no channel markup). */
  get userMessage(): string {
    return "Sorry, I couldn't save that just now: our storage is not answering. Nothing was saved; please try again in a few minutes.";
  }
}

/**
 * A button on a trip (acknowledge, snooze) that this person may not press, or that can
 * no longer do anything (already acknowledged, failed, cancelled). Nothing was changed;
 * the message is written for the person who pressed it, and every door shows it.
 * `not-allowed`: they are neither the trip's traveller nor a travel-desk member.
 */
export class TripActionError extends AdvisorError {
  readonly reason: 'not-allowed' | 'not-possible';
  constructor(reason: 'not-allowed' | 'not-possible', message: string) {
    super(message, 'FORBIDDEN');
    this.reason = reason;
  }
}

/**
 * A message that would be over a platform's size limit even in the smallest form the
 * renderer can make (Teams refuses it with 413 MessageSizeTooBig). Raised instead of
 * sending it, so the failure is ours, named, and logged with both sizes.
 */
export class MessageTooLargeError extends AdvisorError {
  readonly bytes: number;
  readonly limit: number;
  constructor(bytes: number, limit: number) {
    super(`The message is ${bytes} bytes (UTF-16) even in its shortest form, over the ${limit}-byte limit; ask about fewer destinations at a time.`, 'MESSAGE_TOO_LARGE');
    this.bytes = bytes;
    this.limit = limit;
  }
}

/** Wraps anything unexpected exactly once, keeping the cause for the log. */
export function asAdvisorError(error: unknown): AdvisorError {
  if (error instanceof AdvisorError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new AdvisorError(`Unexpected error: ${message}`, 'INTERNAL', { cause: error });
}
