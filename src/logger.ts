/**
 * The one logger factory. Message text, emails, tokens and secrets are redacted by
 * path wherever they appear in a log object; code must still never log them.
 */
import { pino, type Logger, type DestinationStream } from 'pino';

export const REDACT_PATHS = [
  'text', '*.text', 'message', '*.message.text', 'email', '*.email', 'token', '*.token',
  'authorization', '*.authorization', 'headers.authorization', 'req.headers.authorization',
  'password', '*.password', 'secret', '*.secret', 'blocks', '*.blocks',
];

export function createLogger(level = 'info', destination?: DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { app: 'travel-advisor' } }, destination);
}

/** A logger that writes nothing, for tests and the CLI's quiet mode. */
export const silentLogger: Logger = pino({ level: 'silent' });
