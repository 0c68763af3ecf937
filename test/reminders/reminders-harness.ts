/**
 * Shared set-up for the reminders tests: a real config, the real advisor over the
 * real content base, a real keyv store (SQLite in a temp dir unless a STORE_URL is
 * given), a clock the test moves by hand, and a recording deliverer that can be told
 * to answer 429 or fail, the way the Slack and Teams doors' deliverers do.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Keyv from 'keyv';
import { afterEach } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { sharedAdvisor } from '../support/shared-advisor.js';
import type { Advisor } from '../../src/advisor/create-advisor.js';
import { silentLogger } from '../../src/logger.js';
import { createStore } from '../../src/store/create-store.js';
import { createReminderService, type ReminderServiceOptions } from '../../src/reminders/create-reminder-service.js';
import type { Deliverer, Delivery, Platform } from '../../src/reminders/types.js';
import '../support/store-backends.js';

/** The advisor for this config, built once per worker (test/support/shared-advisor.ts). */
export function advisorFor(config: Config): Advisor {
  return sharedAdvisor(config);
}

export interface Harness {
  config: Config;
  clock: { now: Date; set(iso: string): void };
  stores: Keyv[];
  service: ReturnType<typeof createReminderService>;
  close(): Promise<void>;
}

export function makeHarness(env: Record<string, string> = {}, options: ReminderServiceOptions = {}, dataDir?: string): Harness {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'reminders-'));
  const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', ...env });
  const clock = { now: new Date('2026-11-23T08:00:00Z'), set(iso: string) { this.now = new Date(iso); } };
  const stores: Keyv[] = [];
  const ctx = {
    config,
    advisor: advisorFor(config),
    logger: silentLogger,
    clock: () => clock.now,
    fetch: globalThis.fetch,
    store<T>(ns: string): Keyv<T> {
      const s = createStore<T>(config, ns);
      stores.push(s as Keyv);
      return s;
    },
  };
  const service = createReminderService(ctx, options);
  return {
    config, clock, stores, service,
    async close() {
      await service.stop();
      await Promise.all(stores.map((s) => s.disconnect().catch(() => undefined)));
    },
  };
}

export interface Recorded {
  userId: string;
  kind: string;
  key: string;
  countries: string[];
}

/** A deliverer that records what it delivered; `plan` decides per call what goes wrong. */
export function recordingDeliverer(platform: Platform = 'slack', directory: Record<string, string> = {}) {
  const sent: Recorded[] = [];
  let plan: (userId: string, d: Delivery, call: number) => Error | null = () => null;
  let calls = 0;
  const deliverer: Deliverer & { sent: Recorded[]; fail(p: typeof plan): void; calls(): number } = {
    platform,
    sent,
    calls: () => calls,
    fail(p) {
      plan = p;
    },
    async resolveEmail(email) {
      return directory[email] ?? null;
    },
    async deliver(userId, d) {
      const error = plan(userId, d, ++calls);
      if (error) throw error;
      sent.push({ userId, kind: d.reminder.kind, key: d.idempotencyKey, countries: d.answer.destinations.map((x) => x.countryCode) });
    },
    async alreadyDelivered(_userId, d) {
      return sent.some((s) => s.key === d.idempotencyKey);
    },
  };
  return deliverer;
}

export function rateLimited(retryAfterMs: number): Error {
  return Object.assign(new Error('ratelimited'), { retryAfterMs });
}

/** The shared servers of this machine that replicas can share state on. */
export const SHARED_STORES = { redis: 'redis://127.0.0.1:6379', postgres: 'postgres://postgres@127.0.0.1:5432/test' };

/**
 * Harnesses pushed onto the returned list are cleared (their namespaces) and closed after
 * each test of the calling file.
 */
export function closeAfterEach(): Harness[] {
  const open: Harness[] = [];
  afterEach(async () => {
    for (const h of open.splice(0)) {
      for (const s of h.stores) await s.clear().catch(() => undefined);
      await h.close();
    }
  });
  return open;
}
