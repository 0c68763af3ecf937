/**
 * The weekly insights post is made once per week and platform across replicas: the week
 * is due from Monday 09:00 in DEFAULT_TIMEZONE and covers the seven days before; two
 * replicas running the job at the same instant on a shared store (embedded SQLite, Redis,
 * PostgreSQL) post once; a post that fails is not recorded and is made by whichever
 * replica runs after the lease ends; a platform without a channel is skipped; and on
 * BullMQ over the real Redis, two reminder services running the job as a recurring job
 * on the reminders' queue (every 250 ms) post once.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import type Keyv from 'keyv';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Insights } from '../../src/insights/collect-insights.js';
import { createWeeklyInsights, weekDue, type InsightsPoster } from '../../src/insights/weekly-insights.js';
import { silentLogger } from '../../src/logger.js';
import { QUEUE_NAME } from '../../src/reminders/bullmq-scheduler.js';
import { closeStores } from '../../src/store/close-stores.js';
import { createStore } from '../../src/store/create-store.js';
import { makeHarness } from '../reminders/reminders-harness.js';
import '../support/store-backends.js';

const REDIS = 'redis://127.0.0.1:6379';
const dataDir = mkdtempSync(join(tmpdir(), 'insights-weekly-'));
const opened: Keyv[] = [];
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
afterAll(async () => {
  for (const s of opened) await s.clear().catch(() => undefined);
  await closeStores(opened, 2000);
  rmSync(dataDir, { recursive: true, force: true });
});

/** A sample report for the period asked; the posters only record what they were given. */
const report = async (period: { from: string; to: string }) => ({ period: { ...period, days: 7 } }) as Insights;

function recordingPoster(platform: InsightsPoster['platform'], posts: string[], options: { target?: boolean; fail?: () => boolean } = {}): InsightsPoster {
  return {
    platform,
    hasTarget: async () => options.target ?? true,
    async post(insights, heading) {
      // Take a moment, as a real platform call does, so racing replicas overlap.
      await sleep(20);
      if (options.fail?.()) throw new Error('platform refused');
      posts.push(`${platform}: ${heading} ${insights.period.from}..${insights.period.to}`);
    },
  };
}

describe('weekDue', () => {
  it('makes a week due from Monday 09:00 local time, covering the seven days before that Monday', () => {
    // Monday 2026-11-23, Europe/Berlin (UTC+1).
    expect(weekDue(new Date('2026-11-23T07:59:00Z'), 'Europe/Berlin')).toEqual({ week: '2026-W47', period: { from: '2026-11-09', to: '2026-11-15' } });
    expect(weekDue(new Date('2026-11-23T08:00:00Z'), 'Europe/Berlin')).toEqual({ week: '2026-W48', period: { from: '2026-11-16', to: '2026-11-22' } });
    expect(weekDue(new Date('2026-11-29T22:59:00Z'), 'Europe/Berlin').week).toBe('2026-W48');
    // ISO weeks across a year end: Monday 2026-12-28 is in week 53 of 2026; Monday 2027-01-04 in week 1 of 2027.
    expect(weekDue(new Date('2026-12-28T12:00:00Z'), 'UTC').week).toBe('2026-W53');
    expect(weekDue(new Date('2027-01-04T12:00:00Z'), 'UTC')).toEqual({ week: '2027-W01', period: { from: '2026-12-28', to: '2027-01-03' } });
  });
});

describe.each([
  ['embedded SQLite', undefined],
  ['Redis', REDIS],
  ['PostgreSQL', 'postgres://postgres@127.0.0.1:5432/test'],
] as const)('the weekly post on %s', (_name, url) => {
  const namespace = `insights-weekly-test-${randomUUID().slice(0, 8)}`;
  const store = () => {
    const s = createStore<unknown>({ STORE_URL: url, DATA_DIR: dataDir }, namespace);
    opened.push(s as Keyv);
    return s;
  };
  const replica = (posters: InsightsPoster[], leaseMs = 60_000) =>
    createWeeklyInsights({ store, posters: () => posters, report, timeZone: 'UTC', logger: silentLogger, leaseMs });
  const MONDAY = new Date('2026-11-23T09:30:00Z');

  it('is posted once per platform when two replicas run at the same instant, and not again', async () => {
    const posts: string[] = [];
    const teams = recordingPoster('teams', posts, { target: false });
    const [a, b] = [replica([recordingPoster('slack', posts), teams]), replica([recordingPoster('slack', posts), teams])];
    const results = await Promise.all([a.run(MONDAY), b.run(MONDAY)]);
    expect(posts).toEqual(['slack: Weekly security-team insights, 2026-11-16 to 2026-11-22 (UTC), week 2026-W48: 2026-11-16..2026-11-22']);
    // The other replica found the lease taken, or (when it ran a moment later) the week posted.
    const outcomes = results.map((r) => r.outcomes.slack);
    expect(outcomes.filter((o) => o === 'posted')).toHaveLength(1);
    expect(outcomes.filter((o) => o !== 'posted')).toEqual([expect.stringMatching(/^(held|done-before)$/)]);
    expect(results.map((r) => r.outcomes.teams)).toEqual(['no-target', 'no-target']);
    expect((await a.run(new Date('2026-11-26T10:00:00Z'))).outcomes.slack).toBe('done-before');
    expect(posts).toHaveLength(1);
  });

  it('is posted by another replica after a failed attempt, once its lease has ended', async () => {
    const posts: string[] = [];
    const nextWeek = new Date('2026-11-30T09:00:00Z');
    const failing = replica([recordingPoster('slack', posts, { fail: () => true })], 1500);
    const healthy = replica([recordingPoster('slack', posts)], 1500);
    expect((await failing.run(nextWeek)).outcomes.slack).toBe('failed');
    expect((await healthy.run(nextWeek)).outcomes.slack).toBe('held');
    await sleep(1600);
    expect((await healthy.run(nextWeek)).outcomes.slack).toBe('posted');
    expect(posts).toEqual(['slack: Weekly security-team insights, 2026-11-23 to 2026-11-29 (UTC), week 2026-W49: 2026-11-23..2026-11-29']);
  });
});

describe('the weekly job on BullMQ', () => {
  it('runs on the reminders queue of two replicas and posts once', async () => {
    const id = randomUUID().slice(0, 8);
    const namespace = `insights-weekly-bull-${id}`;
    const posts: string[] = [];
    let runs = 0;
    const replicaWith = () => {
      const h = makeHarness({ STORE_URL: REDIS, REDIS_URL: REDIS }, { namespace: `rem-${id}`, queuePrefix: `test-insights-${id}` });
      const weekly = createWeeklyInsights({
        store: () => {
          const s = createStore<unknown>({ STORE_URL: REDIS, DATA_DIR: dataDir }, namespace);
          h.stores.push(s as Keyv);
          return s;
        },
        posters: () => [recordingPoster('slack', posts)],
        report,
        timeZone: 'UTC',
        logger: silentLogger,
      });
      h.service.every!('insights-weekly', 250, async () => {
        runs++;
        return weekly.run(new Date('2026-11-23T09:30:00Z'));
      });
      return h;
    };
    const replicas = [replicaWith(), replicaWith()];
    cleanups.push(async () => {
      for (const h of replicas) await h.close();
      const q = new Queue(QUEUE_NAME, { connection: { url: REDIS }, prefix: `test-insights-${id}` });
      await q.obliterate({ force: true }).catch(() => undefined);
      await q.close();
      const s = createStore({ STORE_URL: REDIS, DATA_DIR: dataDir }, namespace);
      await s.clear();
      await s.disconnect();
    });
    await Promise.all(replicas.map((h) => h.service.start()));
    const deadline = Date.now() + 10_000;
    while (runs < 4 && Date.now() < deadline) await sleep(100);
    expect(runs).toBeGreaterThanOrEqual(4);
    expect(posts).toHaveLength(1);
  });
});
