/**
 * Reminder delivery through Slack: find a traveller by email (users.lookupByEmail),
 * send the reminder as a DM (chat.postMessage to the user id, as JSON: it lands in the app's
 * Messages tab), tagged with the delivery's idempotency key as message metadata. The
 * client rejects rate-limited calls instead of waiting: a 429 becomes an error with
 * `retryAfterMs`, errors no retry can fix carry `permanent: true`, as the reminders
 * port (src/reminders/types.ts, Deliverer) expects. After a crash between "sent" and
 * "recorded", `alreadyDelivered` looks for that key in the DM's recent history
 * (conversations.open + conversations.history with metadata), so no reminder is sent twice.
 * Risk-change alerts (src/alerts/) go the same way, under their own metadata event type.
 */
import { webApi } from '@slack/bolt';
import { AdvisorError } from '../../errors.js';
import type { Deliverer } from '../../reminders/types.js';
import { alertToBlockKit } from './render/alert-to-block-kit.js';
import { reminderToBlockKit } from './render/reminder-to-block-kit.js';
import type { SlackMessage } from './render/answer-to-block-kit.js';
import type { SlackPoster } from './create-slack-poster.js';

/**
 * Slack errors that retrying cannot fix (unknown or inactive user, DM refused, bad token or
 * scope): the one list, here in the Slack door, which classifies its own errors for the
 * channel-free scheduler (src/reminders/classify-delivery-error.ts).
 */
export const PERMANENT_SLACK_ERRORS = new Set([
  'user_not_found', 'users_not_found', 'channel_not_found', 'account_inactive', 'user_disabled', 'cannot_dm_bot',
  'not_in_channel', 'is_archived', 'invalid_auth', 'not_authed', 'missing_scope', 'no_permission', 'invalid_blocks',
]);

/** Metadata event type on reminder messages; its payload carries the idempotency key. */
export const REMINDER_METADATA_EVENT = 'travel_advisor_reminder';
/** Metadata event type on risk-change alerts; its payload carries the alert's idempotency key. */
export const ALERT_METADATA_EVENT = 'travel_advisor_alert';
/** How many recent DM messages alreadyDelivered looks through. */
const HISTORY_LIMIT = 50;

/** A failed Slack delivery: `retryAfterMs` after a 429, `permanent` when retrying is pointless. */
export class SlackDeliveryError extends AdvisorError {
  readonly retryAfterMs?: number;
  readonly permanent: boolean;
  /** Slack's error code ("user_not_found"), else the message: what a failed reminder records. */
  readonly reason: string;
  constructor(message: string, options: { retryAfterMs?: number; permanent?: boolean; reason?: string; cause?: unknown } = {}) {
    super(message, 'DELIVERY_FAILED', { cause: options.cause });
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
    this.permanent = options.permanent ?? false;
    this.reason = options.reason ?? (options.retryAfterMs !== undefined ? 'rate limited' : message);
  }
}

/** Slack answered 429: try again after `retryAfterMs`. */
export class SlackRateLimitError extends SlackDeliveryError {
  declare readonly retryAfterMs: number;
  constructor(retryAfterMs: number, options?: { cause?: unknown }) {
    super(`Slack rate limit reached; retry after ${Math.ceil(retryAfterMs / 1000)} s`, { retryAfterMs, cause: options?.cause });
  }
}

function platformError(error: unknown): string | undefined {
  return error instanceof webApi.WebAPIPlatformError ? error.data.error : undefined;
}

function deliveryError(error: unknown, what: string): SlackDeliveryError {
  if (error instanceof webApi.WebAPIRateLimitedError) return new SlackRateLimitError(error.retryAfter * 1000, { cause: error });
  const code = platformError(error);
  const reason = code ?? (error instanceof Error ? error.message : String(error));
  return new SlackDeliveryError(`Slack ${what} failed: ${reason}`, { permanent: code !== undefined && PERMANENT_SLACK_ERRORS.has(code), reason, cause: error });
}

/** `poster` sends the DMs themselves as JSON (create-slack-poster.ts); `client` makes the other calls. Both reject 429s. */
export function createSlackDeliverer(client: webApi.WebClient, poster: SlackPoster): Deliverer {
  async function post(userId: string, message: SlackMessage, eventType: string, key: string): Promise<void> {
    try {
      await poster.postMessage({
        channel: userId,
        unfurl_links: false,
        unfurl_media: false,
        metadata: { event_type: eventType, event_payload: { key } },
        ...message,
      });
    } catch (error) {
      throw deliveryError(error, 'chat.postMessage');
    }
  }
  async function inHistory(userId: string, eventType: string, key: string): Promise<boolean> {
    try {
      const dm = await client.conversations.open({ users: userId });
      if (!dm.channel?.id) return false;
      const history = await client.conversations.history({ channel: dm.channel.id, limit: HISTORY_LIMIT, include_all_metadata: true });
      return (history.messages ?? []).some(
        (m) => m.metadata?.event_type === eventType && (m.metadata.event_payload as { key?: unknown } | undefined)?.key === key,
      );
    } catch (error) {
      throw deliveryError(error, 'conversations.history');
    }
  }
  return {
    platform: 'slack',
    async resolveEmail(email) {
      try {
        const result = await client.users.lookupByEmail({ email });
        return result.user?.id ?? null;
      } catch (error) {
        if (platformError(error) === 'users_not_found') return null;
        throw deliveryError(error, 'users.lookupByEmail');
      }
    },
    deliver: (userId, delivery) => post(userId, reminderToBlockKit(delivery), REMINDER_METADATA_EVENT, delivery.idempotencyKey),
    alreadyDelivered: (userId, delivery) => inHistory(userId, REMINDER_METADATA_EVENT, delivery.idempotencyKey),
    deliverAlert: (userId, alert) => post(userId, alertToBlockKit(alert), ALERT_METADATA_EVENT, alert.idempotencyKey),
    alertDelivered: (userId, alert) => inHistory(userId, ALERT_METADATA_EVENT, alert.idempotencyKey),
  };
}
