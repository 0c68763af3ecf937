/**
 * BullMQ 5.81's RedisConnection.close() removes every listener of the connection, including
 * the 'error' listener through which its own still-running init() reports a failure. When
 * Redis was never reached and a connect attempt is in flight at close, ioredis then ends the
 * client, init() rejects with that attempt's error (ECONNREFUSED), and BullMQ's
 * `emit('error')` with no listener throws inside a promise handler: an unhandled rejection,
 * which Node 20 turns into a crash and vitest into a failed run. Called once a Queue's or
 * Worker's close has finished (before any socket event can arrive), this gives those
 * connections a listener again, so a late init failure is dropped: the caller already
 * treated Redis as unavailable. Every BullMQ close in the program goes through closeQuietly.
 */
function quietAfterClose(owner: object): void {
  for (const key of ['connection', 'blockingConnection']) {
    const connection = (owner as Record<string, unknown>)[key] as { on?: (event: 'error', listener: () => void) => unknown } | undefined;
    connection?.on?.('error', () => undefined);
  }
}

/** Closes a BullMQ Queue or Worker (`force` as Worker.close takes it), then quiets its connections as above. */
export function closeQuietly(owner: { close(force?: boolean): Promise<void> }, force?: boolean): Promise<void> {
  return owner.close(force).finally(() => quietAfterClose(owner));
}
