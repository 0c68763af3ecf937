/**
 * Bolt and the Web API client log through this adapter into our pino logger. Their
 * debug output contains request and event bodies (message text), so it is dropped:
 * we never log what people write. The other levels build their line only when pino
 * would write it, and `getLevel` reports what is really logged, so callers that ask
 * before building a message skip the work.
 *
 * What this cannot stop: @slack/web-api 8 builds its debug lines (a redacted copy of
 * every request body, JSON-stringified) before calling `debug`, whatever the level.
 */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from 'pino';

function join(args: unknown[]): string {
  return args.map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : JSON.stringify(a))).join(' ').slice(0, 500);
}

/** The most verbose level pino writes, as Bolt names levels (debug is never written, see above). */
function boltLevelOf(logger: Logger): LogLevel {
  if (logger.isLevelEnabled('info')) return LogLevel.INFO;
  if (logger.isLevelEnabled('warn')) return LogLevel.WARN;
  return LogLevel.ERROR;
}

export function toBoltLogger(logger: Logger): BoltLogger {
  let level = boltLevelOf(logger);
  return {
    debug: () => undefined,
    info: (...args: unknown[]) => void (logger.isLevelEnabled('info') && logger.info({ lib: 'slack' }, join(args))),
    warn: (...args: unknown[]) => void (logger.isLevelEnabled('warn') && logger.warn({ lib: 'slack' }, join(args))),
    error: (...args: unknown[]) => void (logger.isLevelEnabled('error') && logger.error({ lib: 'slack' }, join(args))),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
