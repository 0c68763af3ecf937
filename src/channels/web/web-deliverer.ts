/**
 * The playground's reminder deliverer: "delivering" to the local test user means
 * keeping the reminder in a short in-memory list the Reminders panel shows, so a
 * reviewer sees what a traveller would receive and when, without Slack or Teams.
 */
import type { Deliverer, Delivery, ReminderKind } from '../../reminders/types.js';

export interface DeliveredReminder {
  /** ISO instant the scheduler handed it over. */
  deliveredAt: string;
  tripId: string;
  reminderId: string;
  kind: ReminderKind;
  destinations: Array<{ countryCode: string; countryName: string; level: number; label: string }>;
}

export interface WebDeliverer {
  deliverer: Deliverer;
  /** Newest first. */
  delivered(userId: string): DeliveredReminder[];
}

/** Keeps the last `limit` deliveries per user (default 50); older ones are dropped. */
export function createWebDeliverer(options: { clock: () => Date; limit?: number }): WebDeliverer {
  const limit = options.limit ?? 50;
  const byUser = new Map<string, DeliveredReminder[]>();
  return {
    deliverer: {
      platform: 'web',
      async deliver(userId: string, delivery: Delivery) {
        const entries = byUser.get(userId) ?? [];
        entries.unshift({
          deliveredAt: options.clock().toISOString(),
          tripId: delivery.trip.id,
          reminderId: delivery.reminder.id,
          kind: delivery.reminder.kind,
          destinations: delivery.answer.destinations.map((d) => ({
            countryCode: d.countryCode,
            countryName: d.countryName,
            level: d.risk.level,
            label: d.risk.label,
          })),
        });
        byUser.set(userId, entries.slice(0, limit));
      },
    },
    delivered: (userId) => [...(byUser.get(userId) ?? [])],
  };
}
