/**
 * Feedback votes on each STORE_URL kind (embedded SQLite, Redis 127.0.0.1:6379,
 * PostgreSQL db "test"): a person's latest vote on an answer is the one counted, two
 * people count twice, nothing stored names the voter or carries text, replicas sharing a
 * store agree on one voter salt, votes expire with their TTL, and the report counts
 * them per rating, platform, destination and summary method.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type Keyv from 'keyv';
import { closeStores } from '../store/close-stores.js';
import { loadStoreBackend, createStore } from '../store/create-store.js';
import { countFeedback, renderFeedbackReport } from './count-feedback.js';
import { createFeedbackStore, type FeedbackVote } from './create-feedback-store.js';
import type { FeedbackRecord } from './feedback-record.js';

const dataDir = mkdtempSync(join(tmpdir(), 'ta-feedback-'));
const NOW = new Date('2026-11-23T10:00:00Z');
const kinds = [
  ['embedded SQLite', undefined],
  ['Redis', 'redis://127.0.0.1:6379'],
  ['PostgreSQL', 'postgres://postgres@127.0.0.1:5432/test'],
] as const;
const opened: Keyv[] = [];

afterAll(async () => {
  await closeStores(opened, 1000);
  rmSync(dataDir, { recursive: true, force: true });
});

const vote = (over: Partial<FeedbackVote>): FeedbackVote => ({
  platform: 'slack', voter: 'T1:U1', answer: 'a-0123456789abcdef', rating: 'positive', destinations: ['KG'], summaryMethod: 'llm', ...over,
});

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

// The stores below open while the suite is collected: their clients load first.
for (const [, url] of kinds) await loadStoreBackend({ STORE_URL: url });

describe.each(kinds)('feedback store on %s', (_name, url) => {
  const config = { STORE_URL: url, DATA_DIR: dataDir };
  const prefix = `feedback-test-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const open = <T>(ns: string): Keyv<T> => {
    const s = createStore<T>(config, `${prefix}-${ns}`);
    opened.push(s as Keyv);
    return s;
  };
  const votes = open<FeedbackRecord>('votes');
  const secrets = open<string>('secrets');
  const store = createFeedbackStore({ votes, secrets, ttlMs: 60_000, clock: () => NOW });

  it("keeps one vote per person and answer (the latest), and stores neither the person nor any text", async () => {
    await store.record(vote({ rating: 'positive' }));
    await store.record(vote({ rating: 'negative' }));
    await store.record(vote({ voter: 'T1:U2' }));
    await store.record(vote({ platform: 'teams', voter: 'aad-7', answer: 'm-00000000deadbeef', destinations: [], summaryMethod: 'unknown', rating: 'negative' }));
    const records = await all(store.records());
    expect(records).toHaveLength(3);
    const raw: Array<[string, unknown]> = [];
    for await (const entry of votes.iterator!(undefined)) raw.push(entry as [string, unknown]);
    expect(JSON.stringify(raw)).not.toMatch(/U1|U2|aad-7|T1:/);
    expect(records.every((r) => r.at === NOW.toISOString())).toBe(true);

    const counts = await countFeedback(records);
    expect(counts.byRating).toEqual({ positive: 1, negative: 2 });
    expect(counts.byPlatform).toEqual({ slack: { positive: 1, negative: 1 }, teams: { positive: 0, negative: 1 } });
    expect(counts.byDestination).toEqual({ KG: { positive: 1, negative: 1 }, none: { positive: 0, negative: 1 } });
    expect(counts.bySummaryMethod).toEqual({ llm: { positive: 1, negative: 1 }, unknown: { positive: 0, negative: 1 } });
  });

  it('lets replicas sharing the store agree on the voter salt, so a vote through either counts once', async () => {
    const votes2 = open<FeedbackRecord>('votes-2');
    const secrets2 = open<string>('secrets-2');
    const a = createFeedbackStore({ votes: votes2, secrets: secrets2, ttlMs: 60_000, clock: () => NOW });
    const b = createFeedbackStore({ votes: votes2, secrets: open<string>('secrets-2'), ttlMs: 60_000, clock: () => NOW });
    await Promise.all([a.record(vote({ rating: 'positive' })), b.record(vote({ rating: 'positive' }))]);
    await b.record(vote({ rating: 'negative' }));
    expect((await all(a.records())).map((r) => r.rating)).toEqual(['negative']);
  });

  it('forgets votes after their retention', async () => {
    const short = createFeedbackStore({ votes: open<FeedbackRecord>('votes-3'), secrets, ttlMs: 50, clock: () => NOW });
    await short.record(vote({}));
    await new Promise((r) => setTimeout(r, 150));
    expect(await all(short.records())).toEqual([]);
  });
});

describe('renderFeedbackReport', () => {
  it('prints counts per rating, platform, destination (with names) and summary method', async () => {
    const records: FeedbackRecord[] = [
      { answer: 'a-0123456789abcdef', platform: 'slack', rating: 'positive', destinations: ['KG', 'KZ'], summaryMethod: 'llm', at: '2026-11-20T10:00:00.000Z' },
      { answer: 'a-0123456789abcdef', platform: 'teams', rating: 'negative', destinations: ['KG'], summaryMethod: 'llm', at: '2026-11-23T10:00:00.000Z' },
    ];
    const text = renderFeedbackReport(await countFeedback(records), { countryName: (c) => ({ KG: 'Kyrgyzstan', KZ: 'Kazakhstan' })[c] ?? c, retentionDays: 90 });
    expect(text).toContain('Feedback on AI-written answers: 2 votes, kept 90 days (2026-11-20 to 2026-11-23).');
    expect(text).toMatch(/positive: 1\n {2}negative: 1/);
    expect(text).toMatch(/^ {2}KG Kyrgyzstan +1 +1 +2 +50%$/m);
    expect(text).toMatch(/^ {2}KZ Kazakhstan +1 +0 +1 +100%$/m);
    expect(text).toMatch(/^ {2}slack +1 +0 +1 +100%$/m);
    expect(text).toMatch(/^ {2}llm +1 +1 +2 +50%$/m);
    expect(renderFeedbackReport(await countFeedback([]))).toMatch(/0 votes\.\nNo votes yet/);
  });
});
