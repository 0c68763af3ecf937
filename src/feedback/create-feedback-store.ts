/**
 * Where 👍/👎 on AI-written answers are kept (keyv: SQLite, Redis or Postgres, like
 * everything else) and read back for the report. One record per voter and answer, so a
 * person who changes their mind (Slack's feedback buttons toggle; Teams lets you vote
 * again) counts once, with their latest vote. The voter appears only inside the key, as
 * a hash salted with a random secret made once per store (claimOnce, so replicas agree)
 * and mixed with the answer: the store cannot say who voted, nor link one person's
 * votes across answers. Every record expires after FEEDBACK_RETENTION_DAYS.
 */
import { createHash, randomBytes } from 'node:crypto';
import type Keyv from 'keyv';
import { claimOnce } from '../store/claim-once.js';
import { feedbackRecordSchema, type FeedbackMethod, type FeedbackPlatform, type FeedbackRating, type FeedbackRecord } from './feedback-record.js';

/** Namespaces shared by the server (which writes) and `feedback report` (which reads). */
export const FEEDBACK_NAMESPACES = { votes: 'feedback-votes', secrets: 'feedback-secrets' } as const;

/** The salt outlives any vote it keys (votes live FEEDBACK_RETENTION_DAYS at most). */
const SALT_TTL_MS = 10 * 365 * 86_400_000;
const SALT_KEY = 'voter-salt';

/** A vote as a door hands it over; `voter` is the platform's user id, hashed before anything is stored. */
export interface FeedbackVote {
  platform: FeedbackPlatform;
  voter: string;
  answer: string;
  rating: FeedbackRating;
  destinations: string[];
  summaryMethod: FeedbackMethod;
}

export interface FeedbackStore {
  /** Stores (or replaces) this voter's vote on this answer; rejects with StoreUnavailableError when the store fails. */
  record(vote: FeedbackVote): Promise<void>;
  /** Every vote still kept, validated (anything else in the namespace is skipped). */
  records(): AsyncIterable<FeedbackRecord>;
}

export interface FeedbackStoreOptions {
  votes: Keyv<FeedbackRecord>;
  secrets: Keyv<string>;
  /** FEEDBACK_RETENTION_DAYS in milliseconds. */
  ttlMs: number;
  clock: () => Date;
}

/** The store from a door's or the CLI's `store(namespace)` factory. */
export function feedbackStoreFrom(store: <T>(namespace: string) => Keyv<T>, retentionDays: number, clock: () => Date): FeedbackStore {
  return createFeedbackStore({
    votes: store<FeedbackRecord>(FEEDBACK_NAMESPACES.votes),
    secrets: store<string>(FEEDBACK_NAMESPACES.secrets),
    ttlMs: retentionDays * 86_400_000,
    clock,
  });
}

export function createFeedbackStore(options: FeedbackStoreOptions): FeedbackStore {
  const { votes, secrets } = options;
  let salt: string | undefined;

  async function voterSalt(): Promise<string> {
    if (salt) return salt;
    let found = await secrets.get(SALT_KEY);
    if (typeof found !== 'string') {
      // Whoever claims first sets the salt for every replica; the others read it back.
      await claimOnce(secrets as Keyv, SALT_KEY, SALT_TTL_MS, () => new Date(), randomBytes(32).toString('hex'));
      found = await secrets.get(SALT_KEY);
    }
    if (typeof found !== 'string') throw new Error('feedback salt could not be stored');
    return (salt = found);
  }

  return {
    async record(vote) {
      const s = await voterSalt();
      const voter = createHash('sha256').update(`${s}\n${vote.platform}\n${vote.voter}\n${vote.answer}`).digest('hex').slice(0, 32);
      const record: FeedbackRecord = feedbackRecordSchema.parse({
        answer: vote.answer,
        platform: vote.platform,
        rating: vote.rating,
        destinations: vote.destinations,
        summaryMethod: vote.summaryMethod,
        at: options.clock().toISOString(),
      });
      await votes.set(`${vote.platform}:${vote.answer}:${voter}`, record, options.ttlMs);
    },
    async *records() {
      if (!votes.iterator) throw new Error('this keyv store cannot be iterated; use SQLite, Redis or Postgres');
      for await (const [, value] of votes.iterator(undefined) as AsyncIterable<[string, unknown]>) {
        const parsed = feedbackRecordSchema.safeParse(value);
        if (parsed.success) yield parsed.data;
      }
    },
  };
}
