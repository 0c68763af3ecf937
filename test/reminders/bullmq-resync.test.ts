/**
 * The BullMQ scheduler rebuilds its queue from the store when its worker starts (jobs lost
 * with a Redis that kept nothing, an enqueue that failed after its trip was stored). When
 * that rebuild fails without Redis going away (a store read past STORE_TIMEOUT_MS under
 * load), it must try again by itself: before, it waited for a Redis reconnect that never
 * came, and the reminder stayed in the store with no job to deliver it. Real Redis, a real
 * SQLite trip store whose listing fails the first time it is read.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { afterEach, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { StoreUnavailableError } from '../../src/errors.js';
import { silentLogger } from '../../src/logger.js';
import { createBullmqScheduler, QUEUE_NAME } from '../../src/reminders/bullmq-scheduler.js';
import type { ReminderRecord } from '../../src/reminders/trip-records.js';
import { createTripStore, type TripStore } from '../../src/reminders/trip-store.js';
import { createStore } from '../../src/store/create-store.js';

const REDIS = 'redis://127.0.0.1:6379';
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

it('a rebuild of the queue that failed on the store is tried again until the reminder has its job', async () => {
  const config = loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'resync-')), LOG_LEVEL: 'silent' });
  const trips = createTripStore({ store: (ns) => createStore(config, ns) });
  cleanups.push(() => Promise.all(trips.stores.map((s) => s.disconnect())));
  const now = new Date('2026-12-01T09:00:00Z');
  const reminder: ReminderRecord = {
    id: `rem-${randomUUID().slice(0, 8)}`, tripId: 'trip-1', kind: 'briefing', dueAt: '2026-12-20T09:00:00Z',
    status: 'scheduled', generation: 0, attempts: 0, expiresAt: '2027-03-01T00:00:00Z',
  };
  await trips.putReminder(reminder, now);

  // The listing fails twice, as a store past its deadline does; Redis stays up throughout.
  let listings = 0;
  const store: TripStore = {
    ...trips,
    reminders() {
      listings++;
      if (listings <= 2) throw new StoreUnavailableError('store', 'timeout');
      return trips.reminders();
    },
  };
  const prefix = `test-resync-${randomUUID().slice(0, 8)}`;
  const scheduler = createBullmqScheduler({
    deps: { store, advisor: { answerForCountries: () => { throw new Error('not delivered in this test'); } }, deliverers: new Map(), logger: silentLogger, maxAttempts: 3, backoffBaseMs: 1_000 },
    redisUrl: REDIS, clock: () => now, logger: silentLogger, prefix, worker: true, concurrency: 1,
    limiter: { max: 10, durationMs: 1_000 }, timeoutMs: 3_000, resyncDelayMs: { first: 100, max: 200 },
  });
  const queue = new Queue(QUEUE_NAME, { connection: { url: REDIS }, prefix });
  cleanups.push(async () => {
    await scheduler.stop();
    await queue.obliterate({ force: true });
    await queue.close();
  });
  await scheduler.start();

  const jobId = `${reminder.id}-0`;
  await expect.poll(async () => (await queue.getJob(jobId))?.id, { timeout: 5_000, interval: 50 }).toBe(jobId);
  expect(listings).toBe(3);
  expect(await (await queue.getJob(jobId))!.getState()).toBe('delayed');
});
