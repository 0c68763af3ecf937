/**
 * The reminder pace shared by every BullMQ worker: the same virtual schedule as
 * create-rate-limiter.ts (GCRA without a burst: starts `durationMs / max` apart, a late
 * timer never pushes the next slot back), kept in one Redis key so all workers draw their
 * slots from one schedule, on Redis' clock (workers' clocks may differ). One round trip per
 * delivery, made while the delivery is still ahead of its slot, so it costs no pace. After
 * the wait, this process's call log (create-rate-limiter.ts) keeps the slots a stall
 * overran from reaching the platform as a burst over `max`; it counts this process's calls
 * only (a stall of one worker while another keeps its slots is left to the margin under
 * the platform's limit).
 *
 * Why not BullMQ's own `limiter`: it counts jobs in fixed windows, each opened by the
 * first job fetched after the last one closed, so every window loses the worker's timer
 * lag and a Redis round trip: 0.88–0.92× of the rate in the reminders benchmark (issue 18)
 * with 100 ms windows, and whole-second windows let twice the rate into a rolling second.
 */
import { createCallLog, defaultSleep, limiterOf, type RateLimiter } from './create-rate-limiter.js';

/** The subset of an ioredis client the pacer uses (BullMQ's queue client is one). */
export interface RedisEval {
  eval(script: string, numKeys: number, ...args: Array<string | number>): Promise<unknown>;
}

// KEYS[1]: the schedule's next free slot (ms on Redis' clock). ARGV[1]: the interval in ms.
// Reserves max(now, next) and returns how long the caller waits for it, in ms (a string: Redis
// truncates Lua numbers to integers). The key expires a second after its last slot.
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local slot = math.max(now, tonumber(redis.call('GET', KEYS[1]) or 0))
local nextSlot = slot + tonumber(ARGV[1])
redis.call('SET', KEYS[1], string.format('%.3f', nextSlot), 'PX', math.ceil(nextSlot - now) + 1000)
return string.format('%.3f', slot - now)
`;

/**
 * A RateLimiter whose schedule lives in Redis under `key`. `call` bounds each round trip
 * (withDeadline): when Redis cannot be reached, `take` rejects and nothing is sent.
 */
export function createRedisPacer(options: {
  client: () => Promise<RedisEval>;
  key: string;
  max: number;
  durationMs: number;
  call?: <T>(run: () => Promise<T>) => Promise<T>;
  sleep?: (ms: number) => Promise<void>;
}): RateLimiter {
  const interval = String(options.durationMs / options.max);
  const call = options.call ?? ((run) => run());
  const sleep = options.sleep ?? defaultSleep;
  const slot = async () => {
    const wait = Number(await call(async () => (await options.client()).eval(RESERVE, 1, options.key, interval)));
    if (wait > 0) await sleep(wait);
  };
  return limiterOf(slot, createCallLog(options.max, options.durationMs, undefined, sleep));
}
