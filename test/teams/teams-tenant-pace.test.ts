/**
 * Proves the Teams answer workers' per-tenant pace is one schedule in the real Redis at
 * 127.0.0.1:6379, shared by worker processes: two throttles on two connections (two
 * workers) sending to one tenant together start no faster than the tenant rate, while the
 * same sends through one in-process throttle each (the pace per process) finish in half the
 * time, which the first test would refuse. Another tenant is not held back. Each test uses
 * its own prefix.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { createRedisTenantThrottle } from '../../src/channels/teams/create-redis-tenant-throttle.js';
import { createTenantThrottle, type TenantThrottle } from '../../src/channels/teams/create-tenant-throttle.js';

const REDIS = 'redis://127.0.0.1:6379';
const clients: Redis[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) await c.quit();
});

/** One worker process's throttle: its own Redis connection, the deployment's prefix. */
function workerThrottle(prefix: string, perSecond: number): TenantThrottle {
  const redis = new Redis(REDIS);
  clients.push(redis);
  return createRedisTenantThrottle({ client: async () => redis, prefix, perSecond, timeoutMs: 3000 });
}

/** `n` sends to `tenant`, alternating between the throttles; ms from the first ask to the last start. */
async function lastStart(throttles: TenantThrottle[], tenant: string, n: number): Promise<number> {
  const starts: number[] = [];
  const asked = performance.now();
  await Promise.all(Array.from({ length: n }, (_, i) => throttles[i % throttles.length]!.run(tenant, async () => starts.push(performance.now()))));
  expect(starts).toHaveLength(n);
  return Math.max(...starts) - asked;
}

describe('the Teams tenant pace shared by answer workers (real Redis)', () => {
  it('two workers sending to one tenant together start no faster than the tenant rate', async () => {
    const prefix = `test-tenant-pace-${randomUUID().slice(0, 8)}`;
    // 40 a second: a slot every 25 ms, whichever worker asks; 40 sends take slots 0 … 975 ms.
    const took = await lastStart([workerThrottle(prefix, 40), workerThrottle(prefix, 40)], 'tenant-a', 40);
    expect(took).toBeGreaterThanOrEqual(960);
  });

  it('a pace per process lets the two workers send twice the rate (what the test above refuses)', async () => {
    const took = await lastStart([createTenantThrottle({ perSecond: 40 }), createTenantThrottle({ perSecond: 40 })], 'tenant-a', 40);
    expect(took).toBeLessThan(960);
  });

  it('keeps tenants apart: one tenant\'s queue of sends does not hold back another\'s', async () => {
    const prefix = `test-tenant-pace-${randomUUID().slice(0, 8)}`;
    const [a, b] = [workerThrottle(prefix, 10), workerThrottle(prefix, 10)];
    const busy = lastStart([a, b], 'tenant-busy', 10);
    const asked = performance.now();
    await b.run('tenant-quiet', async () => undefined);
    expect(performance.now() - asked).toBeLessThan(400);
    expect(await busy).toBeGreaterThanOrEqual(880);
  });
});
