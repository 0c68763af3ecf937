/**
 * Keeps proactive sends under Teams' per-tenant limit (50 requests per second per app
 * per tenant; we default to 40 for headroom): a sliding one-second window per tenant.
 * Clock and sleep are injected so tests run without waiting.
 */
export interface TenantThrottle {
  /** Resolves when one more request to this tenant fits in the window. */
  acquire(tenantId: string): Promise<void>;
}

export interface TenantThrottleOptions {
  perSecond?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createTenantThrottle(options: TenantThrottleOptions = {}): TenantThrottle {
  const perSecond = options.perSecond ?? 40;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const windows = new Map<string, number[]>();
  const queues = new Map<string, Promise<void>>();

  async function take(tenantId: string): Promise<void> {
    const sent = windows.get(tenantId) ?? [];
    windows.set(tenantId, sent);
    for (;;) {
      const t = now();
      while (sent.length && sent[0]! <= t - 1000) sent.shift();
      if (sent.length < perSecond) {
        sent.push(t);
        return;
      }
      await sleep(sent[0]! + 1000 - t);
    }
  }

  return {
    acquire(tenantId) {
      // One queue per tenant, so concurrent callers cannot both take the last slot.
      const next = (queues.get(tenantId) ?? Promise.resolve()).then(() => take(tenantId));
      queues.set(tenantId, next.catch(() => undefined));
      return next;
    },
  };
}
