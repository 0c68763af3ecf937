/**
 * Bolt and the Web API client log through this adapter into our pino logger. Their
 * debug output contains request and event bodies (message text), so it is dropped:
 * we never log what people write.
 */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from 'pino';

function join(args: unknown[]): string {
  return args.map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : JSON.stringify(a))).join(' ').slice(0, 500);
}

export function toBoltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  return {
    debug: () => undefined,
    info: (...args: unknown[]) => logger.info({ lib: 'slack' }, join(args)),
    warn: (...args: unknown[]) => logger.warn({ lib: 'slack' }, join(args)),
    error: (...args: unknown[]) => logger.error({ lib: 'slack' }, join(args)),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
