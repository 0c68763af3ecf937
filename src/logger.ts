/**
 * The one logger factory. Message text, emails, tokens and secrets are redacted by
 * path wherever they appear in a log object; free text that could quote a message (the
 * log message itself, an error's message and stack, at any depth of `cause`) passes
 * through the one redaction function. Code must still never log message text.
 */
import { pino, stdSerializers, type Logger, type DestinationStream } from 'pino';
import { basicRedactor } from './privacy/redact-personal-data.js';

export const REDACT_PATHS = [
  'text', '*.text', 'message', '*.message.text', 'email', '*.email', 'token', '*.token',
  'authorization', '*.authorization', 'headers.authorization', 'req.headers.authorization',
  'password', '*.password', 'secret', '*.secret', 'blocks', '*.blocks',
];

/** An error (or error-like object) with its message and stack redacted, causes included. */
function redactError(value: unknown, depth = 0): unknown {
  if (depth > 5 || !value || typeof value !== 'object') return typeof value === 'string' ? basicRedactor(value) : value;
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const key of ['message', 'stack']) if (typeof out[key] === 'string') out[key] = basicRedactor(out[key] as string);
  for (const key of ['cause', 'err', 'error']) if (out[key] && typeof out[key] === 'object') out[key] = redactError(out[key], depth + 1);
  if (Array.isArray(out.aggregateErrors)) out.aggregateErrors = out.aggregateErrors.map((e) => redactError(e, depth + 1));
  return out;
}

export function createLogger(level = 'info', destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: {
        err: (e: unknown) => redactError(stdSerializers.err(e as Error)),
        msg: (m: unknown) => (typeof m === 'string' ? basicRedactor(m) : m),
      },
      base: { app: 'travel-advisor' },
    },
    destination,
  );
}

/** A logger that writes nothing, for tests and the CLI's quiet mode. */
export const silentLogger: Logger = pino({ level: 'silent' });
