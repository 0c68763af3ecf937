/**
 * The process-level backstop for `npm start`: an error that escapes every handler (an
 * unhandled rejection, an uncaught exception from a timer or stream) is logged and the
 * server keeps serving, instead of one bad request taking every door down. The server
 * already answers request errors itself (create-server.ts); reaching this guard is a
 * bug, so it logs at error level with the stack frames, but never the error's
 * message, which may quote input.
 */
import type { Logger } from 'pino';
import { describeError } from './describe-error.js';

/** The part of `process` the guard uses, so tests can hand it an EventEmitter. */
export interface GuardedProcess {
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
}

/** Installs the guard once; returns how many errors it has caught so far (for health checks and tests). */
export function installLastResortGuard(logger: Logger, target: GuardedProcess = process): () => number {
  let caught = 0;
  target.on('unhandledRejection', (reason) => {
    caught += 1;
    logger.error({ err: describeError(reason), kind: 'unhandledRejection' }, 'an error escaped its handler; still serving');
  });
  target.on('uncaughtException', (error) => {
    caught += 1;
    logger.error({ err: describeError(error), kind: 'uncaughtException' }, 'an error escaped its handler; still serving');
  });
  return () => caught;
}
