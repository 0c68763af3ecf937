/**
 * Each Slack user's own time zone, so "next week" means their next week and times are
 * written in their zone: Slack's `users.info` (`user.tz`, scope `users:read`), cached
 * in the store for a day per user (the zone only, nothing else of the profile), with
 * DEFAULT_TIMEZONE as the fallback whenever Slack does not say, is slow or fails.
 * Answering never waits long for it: the lookup is bounded (LOOKUP_TIMEOUT_MS) and made
 * with the client that rejects rate-limited calls instead of waiting them out; a failed
 * lookup is remembered briefly so a burst of messages does not repeat it, and concurrent
 * lookups for one user share one call. A store that is down or slow only costs the cache
 * (a read is waited for CACHE_READ_MS at most, a write not at all). The zone found is also
 * kept in this process for MEMO_TTL_MS (at most MEMO_MAX users, oldest dropped first), so a
 * user's next messages cost no store read: a zone changed in Slack is seen at most
 * ZONE_TTL_MS + MEMO_TTL_MS later (it was ZONE_TTL_MS).
 */
import type { webApi } from '@slack/bolt';
import type Keyv from 'keyv';
import type { Logger } from 'pino';
import { isTimeZone } from '../../render/local-time.js';

/** How long a user's zone is trusted (they may travel and change it). */
export const ZONE_TTL_MS = 24 * 60 * 60 * 1000;
/** How long "Slack did not say" is remembered before asking again. */
const MISS_TTL_MS = 10 * 60 * 1000;
const LOOKUP_TIMEOUT_MS = 1500;
/** A cache read slower than this (a store in trouble) is not waited for: Slack is asked instead. */
const CACHE_READ_MS = 300;
/** How long this process trusts a zone it has read or looked up, before reading the store again. */
export const MEMO_TTL_MS = 5 * 60 * 1000;
/** Users whose zone this process keeps (bounded: user ids arrive from the network). */
const MEMO_MAX = 10_000;

export interface SlackTimeZones {
  /** The user's IANA zone, or the fallback; never rejects. */
  of(userId: string | undefined): Promise<string>;
}

export interface SlackTimeZonesOptions {
  client: Pick<webApi.WebClient, 'users'>;
  /** Namespace of its own: user id → `{ tz }` (null when Slack gave none). */
  store: Keyv<{ tz: string | null }>;
  /** DEFAULT_TIMEZONE. */
  fallback: string;
  logger: Logger;
  timeoutMs?: number;
  /** Clock of the in-process memo; default Date.now. */
  now?: () => number;
  /** Default MEMO_MAX (tests set it small). */
  memoMax?: number;
}

export function createSlackTimeZones(options: SlackTimeZonesOptions): SlackTimeZones {
  const { store, fallback, logger } = options;
  const now = options.now ?? Date.now;
  const memoMax = options.memoMax ?? MEMO_MAX;
  const inFlight = new Map<string, Promise<string>>();
  /** user id → [zone, until]; Map order is insertion order, so the first key is the oldest. */
  const memo = new Map<string, [string, number]>();
  const keep = (userId: string, zone: string): string => {
    memo.delete(userId);
    memo.set(userId, [zone, now() + MEMO_TTL_MS]);
    if (memo.size > memoMax) memo.delete(memo.keys().next().value!);
    return zone;
  };
  /** The step's result, or undefined when it fails or takes longer than `ms`. */
  const within = <T>(ms: number, step: () => Promise<T>): Promise<T | undefined> => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), ms);
    });
    return Promise.race([step().catch(() => undefined), late]).finally(() => clearTimeout(timer));
  };

  async function lookUp(userId: string): Promise<string> {
    const cached = await within(CACHE_READ_MS, () => store.get(userId));
    if (cached) return isTimeZone(cached.tz) ? cached.tz : fallback;
    const result = await within(options.timeoutMs ?? LOOKUP_TIMEOUT_MS, () => options.client.users.info({ user: userId }));
    const given = result?.user?.tz;
    const tz = isTimeZone(given) ? given : null;
    if (!result) logger.debug('Slack users.info failed or was slow; using DEFAULT_TIMEZONE');
    // Not waited for: the answer does not need the cache written.
    void store.set(userId, { tz }, tz ? ZONE_TTL_MS : MISS_TTL_MS).catch(() => undefined);
    return tz ?? fallback;
  }

  return {
    async of(userId) {
      if (!userId) return fallback;
      const kept = memo.get(userId);
      if (kept && kept[1] > now()) return kept[0];
      let pending = inFlight.get(userId);
      if (!pending) {
        pending = lookUp(userId)
          .then((zone) => keep(userId, zone))
          .finally(() => inFlight.delete(userId));
        inFlight.set(userId, pending);
      }
      return pending;
    },
  };
}
