/**
 * Keeps sends to the Bot Connector under Teams' per-tenant limit (50 requests per second per
 * app per tenant; we default to 40 for headroom): per tenant, sends spaced evenly (1/40 s
 * apart), each the reminders' own rate limiter (src/reminders/create-rate-limiter.ts). This
 * pace is one process's; several `travel-advisor worker` processes share one in Redis
 * instead (create-redis-tenant-throttle.ts). Clock and sleep are injected so tests run
 * without waiting.
 */
import { createRateLimiter, defaultSleep, type RateLimiter } from '../../reminders/create-rate-limiter.js';

export { defaultSleep };

/** Teams' documented limit is 50 per second per app per tenant: 40 leaves headroom. */
export const TENANT_PER_SECOND = 40;

export interface TenantThrottle {
  /** Resolves when one more request to this tenant fits in the window. */
  acquire(tenantId: string): Promise<void>;
  /** Runs `call` in the tenant's next slot; the slot counts until the connector has answered (RateLimiter.run). */
  run<T>(tenantId: string, call: () => Promise<T>): Promise<T>;
}

export interface TenantThrottleOptions {
  perSecond?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** A TenantThrottle from one RateLimiter per tenant, made on the tenant's first send; shared with the Redis one. */
export function throttleOf(limiterFor: (tenantId: string) => RateLimiter): TenantThrottle {
  const limiters = new Map<string, RateLimiter>();
  const limiter = (tenantId: string) => {
    let l = limiters.get(tenantId);
    if (!l) limiters.set(tenantId, (l = limiterFor(tenantId)));
    return l;
  };
  return {
    acquire: (tenantId) => limiter(tenantId).take(),
    run: (tenantId, call) => limiter(tenantId).run(call),
  };
}

export function createTenantThrottle(options: TenantThrottleOptions = {}): TenantThrottle {
  const perSecond = options.perSecond ?? TENANT_PER_SECOND;
  return throttleOf(() => createRateLimiter(perSecond, 1000, options.now ?? Date.now, options.sleep ?? defaultSleep));
}
