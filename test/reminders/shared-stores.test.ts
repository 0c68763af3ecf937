/**
 * Proves the reminders keep working when STORE_URL moves state to a shared server:
 * real Redis (127.0.0.1:6379) and real PostgreSQL (127.0.0.1:5432, database "test").
 * Trips written by one service instance are listed, delivered once and expired by
 * another, as replicas (or the CLI import and the server) share them. Each run uses
 * its own namespace.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { closeAfterEach, makeHarness, SHARED_STORES, recordingDeliverer, type Harness } from './reminders-harness.js';

const open: Harness[] = closeAfterEach();
const STORES = SHARED_STORES;

describe.each(Object.entries(STORES))('reminders on a shared %s store', (_name, url) => {
  it('shares trips between two instances: one creates, the other delivers once and reports', async () => {
    const namespace = `rem-${randomUUID().slice(0, 8)}`;
    const a = makeHarness({ STORE_URL: url }, { namespace });
    const b = makeHarness({ STORE_URL: url }, { namespace });
    open.push(a, b);
    const trip = await a.service.createTrip({ traveller: { email: 'ana@example.com' }, destinations: ['KZ'], start: '2026-12-08', end: '2026-12-12', createdBy: 'csv', source: 'csv', idempotencyKey: 'row-1' });
    expect((await b.service.createTrip({ traveller: { email: 'ana@example.com' }, destinations: ['KZ'], start: '2026-12-08', end: '2026-12-12', createdBy: 'csv', source: 'csv', idempotencyKey: 'row-1' })).id).toBe(trip.id);
    const slack = recordingDeliverer('slack', { 'ana@example.com': 'U1' });
    b.service.registerDeliverer(slack);
    await b.service.start();
    await b.service.runDue!(new Date('2026-12-01T09:00:00Z'));
    await b.service.runDue!(new Date('2026-12-01T09:05:00Z'));
    expect(slack.sent.map((s) => [s.userId, s.kind])).toEqual([['U1', 'briefing']]);
    const seen = await a.service.getTrip(trip.id);
    expect(seen!.traveller).toEqual({ platform: 'slack', userId: 'U1' });
    expect(seen!.reminders.map((r) => r.status)).toEqual(['sent', 'scheduled', 'scheduled']);
    expect((await a.service.listTrips({ status: 'sent' })).map((t) => t.id)).toEqual([trip.id]);
    a.clock.set('2027-01-12T00:00:00Z');
    await a.service.runDue!(a.clock.now);
    expect(await b.service.listTrips()).toEqual([]);
  });
});
