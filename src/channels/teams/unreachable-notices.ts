/**
 * Tells the travel desk, once per traveller, that someone cannot be reached in Teams, why,
 * and what to do (TeamsUnreachableError: no chat with the bot and proactive installation off,
 * or Microsoft Graph refusing it, each with its fix). The notice goes to the travel desk's
 * channel: the channel of the desk team where a member last ran a travel-desk command
 * (remembered by `createDeskChannel`), as a new post. Each reminder that fails also carries
 * the short reason, which `travel-desk report` and GET /api/trips show; the notice is what
 * reaches the desk without anyone asking. "Told" is recorded per traveller (a SHA-256 of
 * their email or id, never the address) only once the desk got it; without a known desk
 * channel it is logged (no email, no text) and tried again at the next failure.
 */
import { createHash } from 'node:crypto';
import type Keyv from 'keyv';
import type { Logger } from 'pino';
import type { TeamsUnreachableError } from './send-with-retry.js';
import type { ServiceUrlPolicy } from './service-url-policy.js';
import type { TeamsConversationRef, TeamsPort } from './teams-port.js';

/** Where the travel desk works in Teams: the last desk-team channel a travel-desk command came from. */
export interface DeskChannel {
  save(ref: TeamsConversationRef): Promise<void>;
  get(): Promise<TeamsConversationRef | null>;
}

/** The desk channel on a keyv namespace (`teams-desk-channel`): one reference, replaced by each desk command. */
export function createDeskChannel(store: Keyv<unknown>): DeskChannel {
  return {
    async save(ref) {
      // A new post in the channel, not a reply in the thread of that command.
      const { activityId: _thread, ...rest } = ref;
      await store.set('desk-channel', { ...rest, conversation: { ...ref.conversation, id: ref.conversation.id.split(';')[0]! } });
    },
    async get() {
      return ((await store.get('desk-channel')) as TeamsConversationRef | undefined) ?? null;
    },
  };
}

/** Called by the Teams deliverer whenever a traveller turns out unreachable; speaks once per traveller. */
export interface UnreachableNotices {
  /** `key`: stable per traveller (email or user id); `label`: how the desk knows them. Never throws. */
  tell(traveller: { key: string; label: string }, error: TeamsUnreachableError): Promise<void>;
}

/** Where "told" is kept, where the desk is, and how to send there. */
export interface UnreachableNoticesOptions {
  /** Who was told, by a hash of the traveller (keyv namespace `teams-unreachable`). */
  store: Keyv<unknown>;
  desk: DeskChannel;
  port: Pick<TeamsPort, 'continueConversation'>;
  serviceUrls: ServiceUrlPolicy;
  logger: Logger;
  /** How long "told" is remembered; after it a traveller still unreachable is reported again. Default 30 days. */
  ttlMs?: number;
}

/** The notice as the desk reads it. */
export const unreachableNotice = (label: string, error: TeamsUnreachableError) =>
  `⚠️ I cannot reach ${label} in Teams, so their reminders will not arrive: ${error.message}. ${error.fix}`;

/** Notices that never throw: failing to tell the desk must not change what happens to the reminder. */
export function createUnreachableNotices(options: UnreachableNoticesOptions): UnreachableNotices {
  const { store, desk, port, serviceUrls, logger } = options;
  const ttl = options.ttlMs ?? 30 * 86_400_000;
  /** Notices being sent by this process: two reminders failing at once for one traveller make one notice. */
  const inFlight = new Map<string, Promise<void>>();
  return {
    async tell(traveller, error) {
      const key = `told:${createHash('sha256').update(traveller.key.trim().toLowerCase()).digest('hex')}`;
      const running = inFlight.get(key);
      if (running) return running;
      const telling = tellOnce(key, traveller.label, error).finally(() => inFlight.delete(key));
      inFlight.set(key, telling);
      return telling;
    },
  };

  async function tellOnce(key: string, label: string, error: TeamsUnreachableError): Promise<void> {
    try {
      if (await store.get(key)) return;
      const ref = await desk.get();
      if (!ref || !serviceUrls.allows(ref.serviceUrl)) {
        logger.warn({ status: error.status }, 'teams: a traveller cannot be reached, and no travel desk channel is known to tell (a travel-desk command in the desk team sets it)');
        return;
      }
      await port.continueConversation(ref, async (turn) => void (await turn.send({ type: 'message', text: unreachableNotice(label, error) })));
      await store.set(key, true, ttl);
    } catch (failure) {
      logger.warn({ err: { name: (failure as Error)?.name } }, 'teams: could not tell the travel desk about an unreachable traveller');
    }
  }
}
