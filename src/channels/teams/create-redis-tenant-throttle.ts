/**
 * The per-tenant pace shared by every `travel-advisor worker` process (ANSWER_WORKERS=external):
 * each tenant's Bot Connector sends draw their slots from one schedule in Redis, the
 * reminders' pacer (src/reminders/create-redis-pacer.ts) under a key per tenant, so N worker
 * processes together send at the tenant rate, not N times it (an in-process throttle each,
 * create-tenant-throttle.ts, let them). Each send holds its slot until the connector has
 * answered. One Redis round trip per send, bounded by `timeoutMs`: when Redis cannot be
 * reached the send is not made and the job fails (BullMQ tries it again later).
 */
import { createRedisPacer, type RedisEval } from '../../reminders/create-redis-pacer.js';
import { withDeadline } from '../../store/with-deadline.js';
import { TENANT_PER_SECOND, throttleOf, type TenantThrottle } from './create-tenant-throttle.js';

/** The Redis key of one tenant's schedule. MUST stay in sync with the worker e2e test, which reserves a slot in it. */
export const teamsPaceKey = (prefix: string, tenantId: string) => `${prefix}:teams-tenant-pace:${tenantId}`;

export interface RedisTenantThrottleOptions {
  /** A Redis client (the BullMQ worker's own connection). */
  client: () => Promise<RedisEval>;
  /** ANSWER_QUEUE_PREFIX: workers of one deployment share it. */
  prefix: string;
  perSecond?: number;
  /** Longest wait for Redis (STORE_TIMEOUT_MS). */
  timeoutMs: number;
}

export function createRedisTenantThrottle(options: RedisTenantThrottleOptions): TenantThrottle {
  const max = options.perSecond ?? TENANT_PER_SECOND;
  const call = <T>(run: () => Promise<T>) => withDeadline('queue', options.timeoutMs, run);
  return throttleOf((tenantId) => createRedisPacer({ client: options.client, key: teamsPaceKey(options.prefix, tenantId), max, durationMs: 1000, call }));
}
