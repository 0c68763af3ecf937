/**
 * The playground's reminder deliverer: "delivering" to the local test user means
 * keeping the reminder in a short in-memory list the Reminders panel shows, so a
 * reviewer sees what a traveller would receive and when, without Slack or Teams.
 */
import type { Deliverer, Delivery, ReminderKind } from '../../reminders/types.js';
import type { Renderings } from './render-for-playground.js';

export interface DeliveredReminder {
  /** ISO instant the scheduler handed it over. */
  deliveredAt: string;
  tripId: string;
  reminderId: string;
  kind: ReminderKind;
  destinations: Array<{ countryCode: string; countryName: string; level: number; label: string }>;
}

/** A delivered reminder with the Slack and Teams messages a traveller would have received. */
export interface DeliveredWithRenderings extends DeliveredReminder {
  renderings: Renderings;
}

export interface WebDeliverer {
  deliverer: Deliverer;
  /** Newest first, without the renderings. */
  delivered(userId: string): DeliveredReminder[];
  /** One delivery with its renderings, by reminder id. */
  find(userId: string, reminderId: string): DeliveredWithRenderings | null;
}

/**
 * Keeps the last `limit` deliveries per user (default 20); older ones are dropped.
 * `render` draws each as the Slack and Teams deliverers would send it.
 */
export function createWebDeliverer(options: { clock: () => Date; render: (delivery: Delivery) => Renderings; limit?: number }): WebDeliverer {
  const limit = options.limit ?? 20;
  const byUser = new Map<string, DeliveredWithRenderings[]>();
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
          renderings: options.render(delivery),
        });
        byUser.set(userId, entries.slice(0, limit));
      },
    },
    delivered: (userId) => (byUser.get(userId) ?? []).map(({ renderings: _, ...entry }) => entry),
    find: (userId, reminderId) => byUser.get(userId)?.find((e) => e.reminderId === reminderId) ?? null,
  };
}
