/**
 * Keeps proactive sends under Teams' per-tenant limit (50 requests per second per app
 * per tenant; we default to 40 for headroom): per tenant, sends spaced evenly (1/40 s apart),
 * each the reminders' own rate limiter (src/reminders/create-rate-limiter.ts). Clock and
 * sleep are injected so tests run without waiting.
 */
import { createRateLimiter, defaultSleep, type RateLimiter } from '../../reminders/create-rate-limiter.js';

export { defaultSleep };

export interface TenantThrottle {
  /** Resolves when one more request to this tenant fits in the window. */
  acquire(tenantId: string): Promise<void>;
}

export interface TenantThrottleOptions {
  perSecond?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export function createTenantThrottle(options: TenantThrottleOptions = {}): TenantThrottle {
  const perSecond = options.perSecond ?? 40;
  const limiters = new Map<string, RateLimiter>();
  return {
    acquire(tenantId) {
      let limiter = limiters.get(tenantId);
      if (!limiter) limiters.set(tenantId, (limiter = createRateLimiter(perSecond, 1000, options.now ?? Date.now, options.sleep ?? defaultSleep)));
      return limiter.take();
    },
  };
}
