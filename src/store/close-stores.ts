/**
 * Closes keyv stores without hanging on a server that is gone: each gets a graceful
 * disconnect for up to `graceMs`, then its connection is dropped (node-redis: destroy,
 * which also stops its reconnect loop; a reconnecting client would otherwise keep a
 * finished CLI process alive and delay a server's exit).
 */
import type Keyv from 'keyv';

export async function closeStores(stores: Keyv[], graceMs: number): Promise<void> {
  await Promise.all(
    stores.map(async (store) => {
      const closed = store.disconnect().then(() => true, () => true);
      const late = new Promise<false>((r) => setTimeout(() => r(false), graceMs).unref());
      if (await Promise.race([closed, late])) return;
      const adapter = store.store as { disconnect?(force?: boolean): Promise<void> } | undefined;
      await adapter?.disconnect?.(true).catch(() => undefined);
    }),
  );
}
