/**
 * Reminder delivery through Slack: find a traveller by email (users.lookupByEmail),
 * send the reminder as a DM (chat.postMessage to the user id: it lands in the app's
 * Messages tab). The client rejects rate-limited calls instead of waiting, and the
 * 429 becomes SlackRateLimitError with `retryAfterMs`, so the scheduler retries later
 * without blocking other deliveries.
 */
import { webApi } from '@slack/bolt';
import { AdvisorError } from '../../errors.js';
import type { Deliverer } from '../../reminders/types.js';
import { reminderToBlockKit } from './render/reminder-to-block-kit.js';

/** Slack answered 429: try again after `retryAfterMs`. */
export class SlackRateLimitError extends AdvisorError {
  readonly retryAfterMs: number;
  constructor(retryAfterMs: number, options?: { cause?: unknown }) {
    super(`Slack rate limit reached; retry after ${Math.ceil(retryAfterMs / 1000)} s`, 'DELIVERY_FAILED', options);
    this.retryAfterMs = retryAfterMs;
  }
}

function platformError(error: unknown): string | undefined {
  return error instanceof webApi.WebAPIPlatformError ? error.data.error : undefined;
}

function deliveryError(error: unknown, what: string): AdvisorError {
  if (error instanceof webApi.WebAPIRateLimitedError) return new SlackRateLimitError(error.retryAfter * 1000, { cause: error });
  const code = platformError(error) ?? (error instanceof Error ? error.message : String(error));
  return new AdvisorError(`Slack ${what} failed: ${code}`, 'DELIVERY_FAILED', { cause: error });
}

export function createSlackDeliverer(client: webApi.WebClient): Deliverer {
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
    async deliver(userId, delivery) {
      const message = reminderToBlockKit(delivery);
      try {
        await client.chat.postMessage({ channel: userId, unfurl_links: false, unfurl_media: false, ...message });
      } catch (error) {
        throw deliveryError(error, 'chat.postMessage');
      }
    },
  };
}
