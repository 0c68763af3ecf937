/**
 * Proves the reminder service over the embedded SQLite store with an injected clock:
 * a trip yields its three reminders at the right times, each is delivered once with
 * the Answer for its destinations, 429s wait for Retry-After, errors back off and end
 * as "failed" with a reason while other travellers keep going, acknowledgements,
 * snooze and cancel change what is sent, a restart loses nothing, and trip data
 * expires TRIP_RETENTION_DAYS after the return.
 */
import Keyv from 'keyv';
import KeyvSqlite from '@keyv/sqlite';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DeliveryError } from '../../src/reminders/classify-delivery-error.js';
import { makeHarness, rateLimited, recordingDeliverer, type Harness } from './reminders-harness.js';

const open: Harness[] = [];
function harness(...args: Parameters<typeof makeHarness>): Harness {
  const h = makeHarness(...args);
  open.push(h);
  return h;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.close()));
});

const kzTrip = { traveller: { platform: 'slack' as const, userId: 'U1' }, destinations: ['KZ'], start: '2026-12-08', end: '2026-12-12', createdBy: 'desk', source: 'api' as const };

describe('reminder service (embedded store)', () => {
  it('plans the briefing 7 days before at 09:00, the day-before check and the post-trip clean-up', async () => {
    const h = harness();
    const trip = await h.service.createTrip(kzTrip);
    expect(trip.reminders.map((r) => [r.kind, r.dueAt, r.status])).toEqual([
      ['briefing', '2026-12-01T09:00:00.000Z', 'scheduled'],
      ['day-before', '2026-12-07T09:00:00.000Z', 'scheduled'],
      ['post-trip', '2026-12-13T09:00:00.000Z', 'scheduled'],
    ]);
  });

  it('briefs at once when departure is sooner than the briefing period, in the desk time zone', async () => {
    const h = harness({ DEFAULT_TIMEZONE: 'Asia/Almaty', BRIEFING_DAYS_BEFORE: '10' });
    const trip = await h.service.createTrip({ ...kzTrip, start: '2026-11-27' });
    expect(trip.reminders[0]).toMatchObject({ kind: 'briefing', dueAt: h.clock.now.toISOString() });
    // 09:00 in Almaty (UTC+5) on the day before.
    expect(trip.reminders[1]).toMatchObject({ kind: 'day-before', dueAt: '2026-11-26T04:00:00.000Z' });
  });

  it('delivers each reminder once, at its time, with the Answer for the destinations', async () => {
    const h = harness();
    const slack = recordingDeliverer();
    h.service.registerDeliverer(slack);
    const trip = await h.service.createTrip({ ...kzTrip, destinations: ['KZ', 'KG'] });
    expect(await h.service.runDue!(new Date('2026-12-01T08:59:00Z'))).toMatchObject({ sent: 0 });
    expect(slack.sent).toEqual([]);
    expect(await h.service.runDue!(new Date('2026-12-01T09:00:00Z'))).toMatchObject({ sent: 1 });
    await h.service.runDue!(new Date('2026-12-01T09:05:00Z'));
    expect(slack.sent).toEqual([{ userId: 'U1', kind: 'briefing', key: `${trip.reminders[0]!.id}-0`, countries: ['KZ', 'KG'] }]);
    await h.service.runDue!(new Date('2026-12-20T00:00:00Z'));
    expect(slack.sent.map((s) => s.kind).sort()).toEqual(['briefing', 'day-before', 'post-trip']);
    const after = await h.service.getTrip(trip.id);
    expect(after!.reminders.map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
  });

  it('resolves an email to the chat user at delivery and then forgets the email', async () => {
    const h = harness();
    const slack = recordingDeliverer('slack', { 'ana@example.com': 'U42' });
    h.service.registerDeliverer(slack);
    const trip = await h.service.createTrip({ ...kzTrip, traveller: { email: 'Ana@Example.com' } });
    expect(trip.traveller).toEqual({ email: 'ana@example.com' });
    await h.service.runDue!(new Date('2026-12-01T09:00:00Z'));
    expect(slack.sent[0]!.userId).toBe('U42');
    expect((await h.service.getTrip(trip.id))!.traveller).toEqual({ platform: 'slack', userId: 'U42' });
    const raw = new Keyv({ store: new KeyvSqlite({ uri: `sqlite://${join(h.config.DATA_DIR, 'store.sqlite')}` }), namespace: 'reminders-trips' });
    expect(JSON.stringify(await raw.get(trip.id))).not.toContain('example.com');
    await raw.disconnect();
  });

  it("waits out a 429 for its Retry-After, pausing that platform's other deliveries too, then sends each once", async () => {
    const h = harness({}, { concurrency: 1 });
    const slack = recordingDeliverer();
    h.service.registerDeliverer(slack);
    for (const userId of ['U1', 'U2', 'U3']) await h.service.createTrip({ ...kzTrip, traveller: { platform: 'slack', userId } });
    slack.fail((_u, _d, call) => (call === 2 ? rateLimited(30_000) : null));
    const first = await h.service.runDue!(new Date('2026-12-01T09:00:00Z'));
    expect(first).toEqual({ sent: 1, failed: 0, retried: 1 });
    expect(await h.service.runDue!(new Date('2026-12-01T09:00:29Z'))).toMatchObject({ sent: 0 });
    expect(await h.service.runDue!(new Date('2026-12-01T09:00:30Z'))).toMatchObject({ sent: 2 });
    expect(slack.sent.map((s) => s.userId).sort()).toEqual(['U1', 'U2', 'U3']);
  });

  it('retries errors with backoff, then records the trip as failed with the reason while others are delivered', async () => {
    const h = harness({}, { maxAttempts: 3, backoffBaseMs: 60_000 });
    const slack = recordingDeliverer();
    h.service.registerDeliverer(slack);
    const bad = await h.service.createTrip({ ...kzTrip, traveller: { platform: 'slack', userId: 'UBAD' } });
    await h.service.createTrip({ ...kzTrip, traveller: { platform: 'slack', userId: 'UOK' } });
    slack.fail((u) => (u === 'UBAD' ? new Error('An API error occurred: internal_error') : null));
    const t0 = Date.parse('2026-12-01T09:00:00Z');
    expect(await h.service.runDue!(new Date(t0))).toEqual({ sent: 1, failed: 0, retried: 1 });
    expect(await h.service.runDue!(new Date(t0 + 59_000))).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(await h.service.runDue!(new Date(t0 + 60_000))).toEqual({ sent: 0, failed: 0, retried: 1 });
    // Second backoff is 4x the first.
    expect(await h.service.runDue!(new Date(t0 + 60_000 + 239_000))).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(await h.service.runDue!(new Date(t0 + 300_000))).toEqual({ sent: 0, failed: 1, retried: 0 });
    const view = await h.service.getTrip(bad.id);
    expect(view!.reminders[0]).toMatchObject({ status: 'failed', reason: 'An API error occurred: internal_error (after 3 attempts)' });
    expect((await h.service.listTrips({ status: 'failed' })).map((t) => t.id)).toEqual([bad.id]);
  });

  it('fails at once, with the reason, when the traveller cannot be reached', async () => {
    const h = harness();
    const slack = recordingDeliverer('slack', {});
    h.service.registerDeliverer(slack);
    const byEmail = await h.service.createTrip({ ...kzTrip, traveller: { email: 'nobody@example.com' } });
    const refused = await h.service.createTrip({ ...kzTrip, traveller: { platform: 'slack', userId: 'UGONE' } });
    // The deliverer classifies its own platform's errors (the Slack door's SlackDeliveryError does): permanent, with its code as the reason.
    slack.fail((u) => (u === 'UGONE' ? Object.assign(new Error('Slack chat.postMessage failed: user_not_found'), { permanent: true, reason: 'user_not_found' }) : null));
    expect(await h.service.runDue!(new Date('2026-12-01T09:00:00Z'))).toEqual({ sent: 0, failed: 2, retried: 0 });
    expect((await h.service.getTrip(byEmail.id))!.reminders[0]).toMatchObject({ status: 'failed', reason: 'no slack user has this email' });
    expect((await h.service.getTrip(refused.id))!.reminders[0]).toMatchObject({ status: 'failed', reason: 'user_not_found' });
    const teamsOnly = recordingDeliverer('teams');
    teamsOnly.fail(() => new DeliveryError('bot was blocked', { permanent: true }));
    h.service.registerDeliverer(teamsOnly);
    const blocked = await h.service.createTrip({ ...kzTrip, traveller: { platform: 'teams', userId: '29:x' } });
    await h.service.runDue!(new Date('2026-12-01T09:01:00Z'));
    expect((await h.service.getTrip(blocked.id))!.reminders[0]).toMatchObject({ status: 'failed', reason: 'bot was blocked' });
  });

  it('records "I\'ve done the checklist" on the traveller\'s trip and reports it', async () => {
    const h = harness();
    const slack = recordingDeliverer();
    h.service.registerDeliverer(slack);
    const trip = await h.service.createTrip(kzTrip);
    await h.service.createTrip({ ...kzTrip, traveller: { platform: 'slack', userId: 'U2' } });
    await h.service.runDue!(new Date('2026-12-01T09:00:00Z'));
    h.clock.set('2026-12-02T10:00:00Z');
    await expect(h.service.acknowledge({ traveller: { platform: 'slack', userId: 'U9' }, tripId: trip.id })).rejects.toThrow(/Only the traveller or the travel desk/);
    const acked = await h.service.acknowledge({ traveller: { platform: 'slack', userId: 'U1' } });
    expect(acked).toMatchObject({ id: trip.id, acknowledgedAt: '2026-12-02T10:00:00.000Z' });
    expect(acked!.reminders[0]!.status).toBe('acknowledged');
    expect((await h.service.listTrips({ status: 'acknowledged' })).map((t) => t.id)).toEqual([trip.id]);
    expect(await h.service.listTrips({ status: 'sent' })).toHaveLength(1);
  });

  it('snoozes a sent reminder into a new delivery, and a cancelled trip sends nothing more', async () => {
    const h = harness();
    const slack = recordingDeliverer();
    h.service.registerDeliverer(slack);
    const trip = await h.service.createTrip(kzTrip);
    await h.service.runDue!(new Date('2026-12-01T09:00:00Z'));
    h.clock.set('2026-12-01T09:10:00Z');
    const snoozed = await h.service.snooze({ tripId: trip.id, reminderId: trip.reminders[0]!.id, until: new Date('2026-12-02T09:00:00Z'), traveller: { platform: 'slack', userId: 'U1' } });
    expect(snoozed!.reminders[0]).toMatchObject({ status: 'scheduled', dueAt: '2026-12-02T09:00:00.000Z' });
    await h.service.runDue!(new Date('2026-12-02T09:00:00Z'));
    expect(slack.sent.map((s) => s.key)).toEqual([`${trip.reminders[0]!.id}-0`, `${trip.reminders[0]!.id}-1`]);
    const cancelled = await h.service.cancelTrip(trip.id);
    expect(cancelled!.reminders.map((r) => r.status)).toEqual(['sent', 'cancelled', 'cancelled']);
    await h.service.runDue!(new Date('2026-12-31T00:00:00Z'));
    expect(slack.sent).toHaveLength(2);
  });

  it('returns the same trip for the same idempotency key', async () => {
    const h = harness();
    const [a, b] = await Promise.all([h.service.createTrip({ ...kzTrip, idempotencyKey: 'k1' }), h.service.createTrip({ ...kzTrip, idempotencyKey: 'k1' })]);
    const c = await h.service.createTrip({ ...kzTrip, idempotencyKey: 'k1' });
    expect(new Set([a.id, b.id, c.id]).size).toBe(1);
    expect(await h.service.listTrips()).toHaveLength(1);
  });

  it('refuses a trip with bad dates or codes, naming each problem', async () => {
    const h = harness();
    await expect(h.service.createTrip({ ...kzTrip, destinations: ['Kazakhstan'], end: '2026-12-01' })).rejects.toThrow(
      /destinations: "Kazakhstan" is not an ISO 3166-1 alpha-2 code; end: a date on or after start/,
    );
    await expect(h.service.createTrip({ ...kzTrip, start: '2026-02-30' })).rejects.toThrow(/start: expected a date/);
  });

  it('after a restart on the same SQLite file, delivers what is due and nothing already sent', async () => {
    const first = harness();
    const slack1 = recordingDeliverer();
    first.service.registerDeliverer(slack1);
    const trip = await first.service.createTrip(kzTrip);
    await first.service.runDue!(new Date('2026-12-01T09:00:00Z'));
    expect(slack1.sent).toHaveLength(1);
    await first.close();
    const second = harness({}, {}, first.config.DATA_DIR);
    const slack2 = recordingDeliverer();
    second.service.registerDeliverer(slack2);
    second.clock.set('2026-12-07T09:00:00Z');
    await second.service.start();
    await second.service.runDue!(new Date('2026-12-07T09:00:00Z'));
    expect(slack2.sent.map((s) => s.kind)).toEqual(['day-before']);
    expect((await second.service.getTrip(trip.id))!.reminders.map((r) => r.status)).toEqual(['sent', 'sent', 'scheduled']);
  });

  it('expires trip data TRIP_RETENTION_DAYS after the return, in keyv and on read', async () => {
    const h = harness({ TRIP_RETENTION_DAYS: '30' });
    const trip = await h.service.createTrip(kzTrip);
    const raw = new Keyv({ store: new KeyvSqlite({ uri: `sqlite://${join(h.config.DATA_DIR, 'store.sqlite')}` }), namespace: 'reminders-trips' });
    const stored = (await raw.get(trip.id, { raw: true })) as { expires?: number } | undefined;
    // keyv TTL = 30 days after the day after return (2026-12-13 + 30 d), from the injected now.
    const expected = Date.parse('2027-01-12T00:00:00Z') - h.clock.now.getTime();
    expect(stored!.expires! - Date.now()).toBeGreaterThan(expected - 60_000);
    expect(stored!.expires! - Date.now()).toBeLessThanOrEqual(expected + 1000);
    h.clock.set('2027-01-11T23:59:00Z');
    expect(await h.service.getTrip(trip.id)).not.toBeNull();
    h.clock.set('2027-01-12T00:00:00Z');
    expect(await h.service.getTrip(trip.id)).toBeNull();
    await h.service.runDue!(h.clock.now);
    expect(await raw.get(trip.id)).toBeUndefined();
    await raw.disconnect();
  });
});
