/**
 * Questions are counted where every door's question passes (the advisor holder), in per
 * day buckets in the store, on each STORE_URL kind (embedded SQLite, Redis
 * 127.0.0.1:6379, PostgreSQL db "test"): two replicas sharing a store count into their
 * own records and a reader sums both; each question is counted by intent, destination and
 * tier, and what the content base could not answer by classified subject; detail views
 * (answerForCountries) are not questions; every record carries a TTL of the retention;
 * and the store's raw rows hold none of the message text, the names, emails or user ids
 * the messages contained.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Keyv from 'keyv';
import { afterAll, describe, expect, it } from 'vitest';
import { createAdvisorHolder } from '../../src/app/advisor-holder.js';
import { sharedAdvisor } from '../support/shared-advisor.js';
import { loadConfig } from '../../src/config.js';
import { sumDays, type DayCounts } from '../../src/insights/day-counts.js';
import { createQuestionCounter } from '../../src/insights/question-counter.js';
import { silentLogger } from '../../src/logger.js';
import { closeStores } from '../../src/store/close-stores.js';
import { createStore } from '../../src/store/create-store.js';
import { rawRows } from './raw-rows.js';
import '../support/store-backends.js';

const advisor = sharedAdvisor(loadConfig({ LOG_LEVEL: 'silent' }));
const dataDir = mkdtempSync(join(tmpdir(), 'insights-counts-'));
const opened: Keyv[] = [];
const NOW = new Date('2026-11-23T10:00:00Z');
const kinds = [
  ['embedded SQLite', undefined],
  ['Redis', 'redis://127.0.0.1:6379'],
  ['PostgreSQL', 'postgres://postgres@127.0.0.1:5432/test'],
] as const;

afterAll(async () => {
  for (const s of opened) await s.clear().catch(() => undefined);
  await closeStores(opened, 2000);
  rmSync(dataDir, { recursive: true, force: true });
});

/** What people wrote: every piece of it must stay out of the store. */
const MESSAGES = [
  ['travelling to Kazakhstan next week, Ana Petrova ana.petrova@example.com U0SECRET7 marker-q1', 'replica A'],
  ['is WhatsApp safe in Yerevan? asking for Boris (boris@example.com) marker-q2', 'replica B'],
  ['do I need a visa for Kazakhstan? marker-q3', 'replica A'],
  ['travelling to Bouvet Island and France in March marker-q4', 'replica B'],
  ['what is the best pizza topping? marker-q5', 'replica A'],
] as const;
const SECRETS = ['marker-q', 'Ana', 'Petrova', 'ana.petrova', 'U0SECRET7', 'Boris', 'boris@', 'WhatsApp', 'pizza', 'Yerevan', 'travelling', 'visa for'];

describe.each(kinds)('question counts on %s', (_name, url) => {
  const config = { STORE_URL: url, DATA_DIR: dataDir };
  const namespace = `insights-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const open = () => {
    const s = createStore<DayCounts>(config, namespace);
    opened.push(s as Keyv);
    return s;
  };
  const replica = () => {
    const counter = createQuestionCounter({ store: open, clock: () => NOW, logger: silentLogger, retentionDays: 30 });
    return { counter, holder: createAdvisorHolder(advisor, { observe: counter.observe }) };
  };
  const a = replica();
  const b = replica();

  it('counts each door question once, by intent, destination tier and unanswered subject, summed over replicas', async () => {
    for (const [text, where] of MESSAGES) await (where === 'replica A' ? a : b).holder.advisor.ask(text, { now: NOW });
    // A detail view ("Why this level") is not a question.
    await a.holder.advisor.answerForCountries(['KZ'], { summary: false });
    await Promise.all([a.counter.flush(), b.counter.flush()]);
    const records = await a.counter.read('2026-11-23', '2026-11-23');
    expect(records).toHaveLength(2);
    const sum = sumDays(records);
    expect(sum.questions).toBe(5);
    // By intent as the classifier reads each message (the visa question may read as a topic or a country question).
    expect(sum.byIntent.trip).toBe(2);
    expect(Object.values(sum.byIntent).reduce((a, b) => a + b, 0)).toBe(5);
    expect(sum.destinations).toEqual({ KZ: { assessed: 2 }, AM: { assessed: 1 }, BV: { 'not-assessed': 1 }, FR: { screened: 1 } });
    expect(sum.gaps).toEqual({ 'nothing-on|messaging|AM': 1, 'out-of-scope|visas|-': 1, 'no-content|unclassified|-': 1 });
    expect(await a.counter.read('2026-11-24', '2026-11-30')).toEqual([]);
  });

  it('keeps no message text, name, email or user id in the raw rows, and lets every row expire', async () => {
    const rows = await rawRows(config, namespace);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    const raw = JSON.stringify(rows);
    for (const secret of SECRETS) expect(raw).not.toContain(secret);
    for (const [key, value] of rows) {
      // Keys are the day and the process (host:pid:random), nothing a user gave.
      expect(key).toMatch(/2026-11-23\|[^|]+:\d+:[0-9a-f]{8}$/);
      const expires = (JSON.parse(value) as { expires?: number }).expires;
      // About the retention (30 days) after the day: keyv counts the TTL from the moment of writing.
      expect(expires! - Date.now()).toBeGreaterThan(29 * 86_400_000);
      expect(expires! - Date.now()).toBeLessThanOrEqual(31 * 86_400_000);
    }
  });
});
