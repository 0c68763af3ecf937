/**
 * PLACEHOLDER until the reminders work lands: keeps trips in memory, delivers nothing.
 * The reminders helper replaces this file with the durable implementation.
 */
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../app/app-context.js';
import type { Deliverer, ReminderService, TripView } from './types.js';

export function createReminderService(_ctx: Omit<AppContext, 'reminders'>): ReminderService {
  const trips = new Map<string, TripView>();
  const deliverers: Deliverer[] = [];
  return {
    async createTrip(t) {
      const trip: TripView = { ...t, id: randomUUID(), acknowledgedAt: null, reminders: [] };
      trips.set(trip.id, trip);
      return trip;
    },
    async getTrip(id) {
      return trips.get(id) ?? null;
    },
    async cancelTrip(id) {
      return trips.get(id) ?? null;
    },
    async listTrips() {
      return [...trips.values()];
    },
    async acknowledge() {
      return null;
    },
    async snooze() {
      return null;
    },
    registerDeliverer(d) {
      deliverers.push(d);
    },
    async start() {},
    async stop() {},
  };
}
