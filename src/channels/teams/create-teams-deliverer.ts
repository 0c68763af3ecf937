/**
 * The Teams Deliverer the reminders service calls: finds the traveller's stored
 * personal conversation, waits for room under the tenant's rate limit, and sends the
 * reminder card with continueConversation, retrying transient connector errors.
 */
import type { Logger } from 'pino';
import type { Deliverer, Delivery } from '../../reminders/types.js';
import type { TenantThrottle } from './create-tenant-throttle.js';
import { reminderToActivity } from './render/reminder-to-activity.js';
import { sendWithRetry, TeamsDeliveryError, type RetryOptions } from './send-with-retry.js';
import type { TeamsPort } from './teams-port.js';
import type { TeamsUserStore } from './teams-user-store.js';

export interface TeamsDelivererOptions {
  port: Pick<TeamsPort, 'continueConversation'>;
  users: TeamsUserStore;
  throttle: TenantThrottle;
  retry?: RetryOptions;
  logger: Logger;
}

export function createTeamsDeliverer(options: TeamsDelivererOptions): Deliverer {
  const { port, users, throttle, logger } = options;
  return {
    platform: 'teams',
    async resolveEmail(email) {
      return users.userIdForEmail(email);
    },
    async deliver(userId: string, delivery: Delivery) {
      const user = await users.get(userId);
      if (!user)
        throw new TeamsDeliveryError(
          'No Teams chat with this traveller yet: they must install the app or message the bot once before it can remind them',
          { status: null, permanent: true },
        );
      const activity = reminderToActivity(delivery);
      await sendWithRetry(async () => {
        await throttle.acquire(user.tenantId ?? 'unknown-tenant');
        await port.continueConversation(user.ref, async (turn) => {
          await turn.send(activity);
        });
      }, options.retry);
      logger.info({ reminderId: delivery.reminder.id, kind: delivery.reminder.kind }, 'teams reminder delivered');
    },
  };
}
