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

/** Wraps anything unexpected exactly once, keeping the cause for the log. */
export function asAdvisorError(error: unknown): AdvisorError {
  if (error instanceof AdvisorError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new AdvisorError(`Unexpected error: ${message}`, 'INTERNAL', { cause: error });
}
