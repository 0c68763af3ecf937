/**
 * Where the Teams door keeps what it needs to reach a user later: the conversation
 * reference of their personal chat with the bot, under both their Teams id and their
 * Entra object id, and a SHA-256 of their email (never the email itself) pointing to
 * that id, so the travel desk can name travellers by email.
 */
import { createHash } from 'node:crypto';
import type Keyv from 'keyv';
import type { TeamsAccount, TeamsConversationRef } from './teams-port.js';

export interface StoredTeamsUser {
  ref: TeamsConversationRef;
  tenantId: string | null;
  /** True once we asked the roster for an email (found or not), so we do not ask every turn. */
  emailChecked: boolean;
  updatedAt: string;
}

export interface TeamsUserStore {
  get(userId: string): Promise<StoredTeamsUser | null>;
  /** Saves the personal conversation for the account; `email` (when known) becomes a hashed lookup key. */
  save(account: TeamsAccount, ref: TeamsConversationRef, options: { email?: string | null; now: Date }): Promise<void>;
  userIdForEmail(email: string): Promise<string | null>;
}

const emailKey = (email: string) => `email:${createHash('sha256').update(email.trim().toLowerCase()).digest('hex')}`;

/** The id we file a traveller under: the Entra object id when Teams gives it, else the Teams user id. */
export function travellerId(account: TeamsAccount): string {
  return account.aadObjectId ?? account.id;
}

export function createTeamsUserStore(store: Keyv<unknown>): TeamsUserStore {
  return {
    async get(userId) {
      return ((await store.get(`user:${userId}`)) as StoredTeamsUser | undefined) ?? null;
    },
    async save(account, ref, { email, now }) {
      const previous = ((await store.get(`user:${account.id}`)) as StoredTeamsUser | undefined) ?? null;
      // Without the inbound activity id, a reminder starts a new message instead of replying to an old one.
      const { activityId: _replyTo, ...fresh } = ref;
      const record: StoredTeamsUser = {
        ref: fresh as TeamsConversationRef,
        tenantId: ref.conversation.tenantId ?? null,
        emailChecked: previous?.emailChecked === true || email !== undefined,
        updatedAt: now.toISOString(),
      };
      const ids = [...new Set([account.id, account.aadObjectId].filter((x): x is string => Boolean(x)))];
      await Promise.all(ids.map((id) => store.set(`user:${id}`, record)));
      if (email) await store.set(emailKey(email), travellerId(account));
    },
    async userIdForEmail(email) {
      return ((await store.get(emailKey(email))) as string | undefined) ?? null;
    },
  };
}
