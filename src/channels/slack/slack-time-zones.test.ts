/**
 * A Slack user's zone never holds an answer up: the zone users.info gives is cached per
 * user; a user Slack gives no zone for, a failing or slow users.info (bounded) and a
 * store that is down all end in DEFAULT_TIMEZONE, and concurrent asks for one user make
 * one call. Slack itself is a small object passed in (the Web API over HTTP is covered
 * by test/slack/slack-user-time.e2e.test.ts).
 */
import Keyv from 'keyv';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../logger.js';
import { MEMO_TTL_MS, createSlackTimeZones, type SlackTimeZonesOptions } from './slack-time-zones.js';

type Info = (args: { user: string }) => Promise<{ user?: { tz?: string } }>;

function slack(info: Info) {
  const asked: string[] = [];
  const client = { users: { info: (args: { user: string }) => (asked.push(args.user), info(args)) } } as unknown as SlackTimeZonesOptions['client'];
  return { client, asked };
}

describe('createSlackTimeZones', () => {
  it("uses the user's tz from users.info and asks once, also when asked concurrently", async () => {
    const { client, asked } = slack(async ({ user }) => ({ user: { tz: user === 'U1' ? 'Asia/Bishkek' : undefined } }));
    const zones = createSlackTimeZones({ client, store: new Keyv(), fallback: 'Europe/Berlin', logger: silentLogger });
    expect(await Promise.all([zones.of('U1'), zones.of('U1')])).toEqual(['Asia/Bishkek', 'Asia/Bishkek']);
    expect(await zones.of('U1')).toBe('Asia/Bishkek');
    expect(await zones.of('U2')).toBe('Europe/Berlin');
    expect(await zones.of('U2')).toBe('Europe/Berlin');
    expect(await zones.of(undefined)).toBe('Europe/Berlin');
    expect(asked).toEqual(['U1', 'U2']);
  });

  it('falls back when users.info fails, is slow or names a zone the runtime does not know', async () => {
    const failing = createSlackTimeZones({ client: slack(async () => { throw new Error('ratelimited'); }).client, store: new Keyv(), fallback: 'UTC', logger: silentLogger });
    expect(await failing.of('U1')).toBe('UTC');
    const slow = createSlackTimeZones({ client: slack(() => new Promise(() => undefined)).client, store: new Keyv(), fallback: 'UTC', logger: silentLogger, timeoutMs: 50 });
    const started = Date.now();
    expect(await slow.of('U1')).toBe('UTC');
    expect(Date.now() - started).toBeLessThan(1000);
    const odd = createSlackTimeZones({ client: slack(async () => ({ user: { tz: 'Mars/Olympus_Mons' } })).client, store: new Keyv(), fallback: 'UTC', logger: silentLogger });
    expect(await odd.of('U1')).toBe('UTC');
  });

  it('still answers with the store down or hung: only the cache is lost', async () => {
    const down = { get: async () => { throw new Error('store down'); }, set: async () => { throw new Error('store down'); } } as unknown as Keyv<{ tz: string | null }>;
    const { client, asked } = slack(async () => ({ user: { tz: 'America/Los_Angeles' } }));
    const zones = createSlackTimeZones({ client, store: down, fallback: 'UTC', logger: silentLogger });
    expect(await zones.of('U1')).toBe('America/Los_Angeles');
    expect(asked).toEqual(['U1']);
    // A store that stops answering is not waited for either.
    const hung = { get: () => new Promise(() => undefined), set: () => new Promise(() => undefined) } as unknown as Keyv<{ tz: string | null }>;
    const started = Date.now();
    expect(await createSlackTimeZones({ client, store: hung, fallback: 'UTC', logger: silentLogger }).of('U2')).toBe('America/Los_Angeles');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('keeps a zone in the process for MEMO_TTL_MS, then reads the store again; the memo is bounded', async () => {
    const store = new Keyv<{ tz: string | null }>();
    const reads: string[] = [];
    const get = store.get.bind(store);
    store.get = ((key: string) => (reads.push(key), get(key))) as typeof store.get;
    const { client, asked } = slack(async ({ user }) => ({ user: { tz: user === 'U1' ? 'Asia/Bishkek' : 'Asia/Tokyo' } }));
    let t = 1_000_000;
    const zones = createSlackTimeZones({ client, store, fallback: 'UTC', logger: silentLogger, now: () => t, memoMax: 2 });
    expect(await zones.of('U1')).toBe('Asia/Bishkek');
    expect([reads, asked]).toEqual([['U1'], ['U1']]);
    // Within the memo's life: no store read, no users.info.
    t += MEMO_TTL_MS - 1;
    expect(await zones.of('U1')).toBe('Asia/Bishkek');
    expect(reads).toEqual(['U1']);
    // Past it: the store (which keeps the zone for a day) is read again, Slack is not asked.
    t += 2;
    expect(await zones.of('U1')).toBe('Asia/Bishkek');
    expect([reads, asked]).toEqual([['U1', 'U1'], ['U1']]);
    // A zone changed in the store (the day-long cache refreshed elsewhere) is seen once the memo lapses.
    await store.set('U1', { tz: 'Europe/Moscow' });
    expect(await zones.of('U1')).toBe('Asia/Bishkek');
    t += MEMO_TTL_MS + 1;
    expect(await zones.of('U1')).toBe('Europe/Moscow');
    // Bounded: with room for two users, a third drops the oldest, whose next ask reads the store again.
    await zones.of('U2');
    await zones.of('U3');
    reads.length = 0;
    expect(await zones.of('U1')).toBe('Europe/Moscow');
    expect(reads).toEqual(['U1']);
    expect(await zones.of('U3')).toBe('Asia/Tokyo');
    expect(reads).toEqual(['U1']);
  });
});
