/**
 * Proves the alert pass over a real store (SQLite, and the shared Redis and PostgreSQL
 * for replicas) with the real advisor over changed content: the first pass only records
 * what it sees; a level change alerts each current or upcoming trip to that place once
 * (not past, cancelled or elsewhere trips) and a second pass nothing; a trip to two
 * changed places gets one message; email travellers are looked up and unknown ones
 * recorded as failed for the desk; a 429 is waited out; a changed evidence text alerts
 * nobody; a trip held by another worker is finished by a later pass; and two replicas
 * running the pass at the same moment send each alert once.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { alertKey } from '../../src/alerts/create-alert-service.js';
import { transitionsBetween } from '../../src/alerts/alerting-changes.js';
import { fingerprintContent } from '../../src/alerts/destination-fingerprint.js';
import { loadContent } from '../../src/content/load-content.js';
import { CONTENT } from '../content/content-fixture.js';
import { SHARED_STORES } from '../reminders/reminders-harness.js';
import { advisorOver, alertsHarness, copyContent, raiseKazakhstan, recordingAlertDeliverer, setVpnLaw, type AlertsHarness, type ContentCopy } from './alerts-harness.js';

let changed: ContentCopy;
const open: AlertsHarness[] = [];
const harness = (o: Partial<Parameters<typeof alertsHarness>[0]> = {}) => {
  const h = alertsHarness({ advisor: advisorOver(CONTENT), ...o });
  open.push(h);
  return h;
};

beforeAll(() => {
  changed = copyContent();
  raiseKazakhstan(changed);
  setVpnLaw(changed, 'UZ', 'banned');
});
afterAll(() => changed?.dispose());
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
});

/** Records the shipped content as seen, then serves the changed content. */
async function changeContent(h: AlertsHarness) {
  expect(await h.alerts.trigger().done).toMatchObject({ baseline: true, trips: 0 });
  h.holder.swap(advisorOver(changed.dir));
  return h.alerts.trigger().done;
}

describe('risk-change alert pass', () => {
  it('records the content silently on the first pass, then alerts each current or upcoming trip to a changed place once', async () => {
    const h = harness();
    const next = await h.addTrip({ userId: 'U0KAT' });
    const current = await h.addTrip({ userId: 'U0NOW', start: '2026-11-20', end: '2026-11-25' });
    await h.addTrip({ userId: 'U0PAST', start: '2026-11-10', end: '2026-11-15' });
    await h.cancelTrip(await h.addTrip({ userId: 'U0CANCEL' }));
    await h.addTrip({ userId: 'U0ELSE', destinations: ['FR'] });

    const result = await changeContent(h);
    expect(result.changes).toEqual([
      { countryCode: 'KZ', countryName: 'Kazakhstan', changes: ['KZ level 3→4', 'KZ new key actions: physical-book-with-security-team'] },
      { countryCode: 'UZ', countryName: 'Uzbekistan', changes: expect.arrayContaining(['UZ vpn unknown→banned']) },
    ]);
    expect(result).toMatchObject({ trips: 2, complete: true, outcomes: { sent: 2, failed: 0, held: 0, retry: 0 } });
    expect(h.deliverer.alerts.map((a) => a.userId).sort()).toEqual(['U0KAT', 'U0NOW']);
    expect(h.deliverer.alerts[0]!.key).toMatch(new RegExp(`^alert-[0-9a-f]{16}-(${next}|${current})$`));

    // The same content again: nothing new to tell.
    expect(await h.alerts.trigger().done).toMatchObject({ changes: [], trips: 0 });
    expect(h.deliverer.alerts).toHaveLength(2);
    const told = await h.alerts.list();
    expect(told.map((r) => [r.traveller, r.state, r.changes])).toContainEqual([{ platform: 'slack', userId: 'U0KAT' }, 'sent', ['KZ level 3→4', 'KZ new key actions: physical-book-with-security-team']]);
  });

  it('sends one message to a trip through two changed places, naming both', async () => {
    const h = harness();
    await h.addTrip({ destinations: ['KZ', 'KG', 'UZ'] });
    expect(await changeContent(h)).toMatchObject({ trips: 1, outcomes: { sent: 1 } });
    expect(h.deliverer.alerts.map((a) => a.countries)).toEqual([['KZ', 'UZ']]);
  });

  it('finds email travellers through the platform, and records those it cannot find as failed with the reason', async () => {
    const h = harness({ deliverer: recordingAlertDeliverer('slack', { 'ana@example.com': 'U0ANA' }) });
    await h.addTrip({ traveller: { email: 'ana@example.com' } });
    await h.addTrip({ traveller: { email: 'ghost@example.com' } });
    expect(await changeContent(h)).toMatchObject({ complete: true, outcomes: { sent: 1, failed: 1 } });
    expect(h.deliverer.alerts.map((a) => a.userId)).toEqual(['U0ANA']);
    const failed = (await h.alerts.list()).find((r) => r.state === 'failed')!;
    expect(failed).toMatchObject({ traveller: { email: 'ghost@example.com' }, reason: 'no Slack or Teams user has this email' });
    // Settled: a failed alert is not tried again on the next pass.
    expect(await h.alerts.trigger().done).toMatchObject({ trips: 0 });
  });

  it("waits out a 429's Retry-After and then sends the alert once", async () => {
    const h = harness();
    await h.addTrip({});
    h.deliverer.fail((_u, _a, call) => (call === 1 ? Object.assign(new Error('ratelimited'), { retryAfterMs: 300 }) : null));
    const started = performance.now();
    expect(await changeContent(h)).toMatchObject({ complete: true, outcomes: { sent: 1 } });
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(h.deliverer.calls()).toBe(2);
    expect(h.deliverer.alerts).toHaveLength(1);
  });

  it('alerts nobody when only evidence text changed', async () => {
    const copy = copyContent();
    try {
      copy.write('countries/kz.md', copy.read('countries/kz.md').replace('Government Resolution 358 of 2018 obliges', 'Government Resolution 358 (2018) obliges'));
      const h = harness();
      await h.addTrip({});
      expect(await h.alerts.trigger().done).toMatchObject({ baseline: true });
      const before = await h.alertStore.lastSeen();
      h.holder.swap(advisorOver(copy.dir));
      expect(await h.alerts.trigger().done).toMatchObject({ changes: [], trips: 0, complete: true });
      expect(h.deliverer.alerts).toEqual([]);
      expect((await h.alertStore.lastSeen())!.generation).toBe(before!.generation);
    } finally {
      copy.dispose();
    }
  });

  it('leaves a trip another worker holds to a later pass, and records the content as seen only when every trip is settled', async () => {
    const h = harness({ service: { leaseMs: 1000 } });
    const tripId = await h.addTrip({});
    expect(await h.alerts.trigger().done).toMatchObject({ baseline: true });
    h.holder.swap(advisorOver(changed.dir));
    const seen = (await h.alertStore.lastSeen())!;
    const now = fingerprintContent(loadContent(changed.dir));
    const key = alertKey(seen.generation + 1, transitionsBetween(seen.destinations, now).filter((t) => t.code === 'KZ'), tripId);
    expect(await h.otherWorker().lease(key, 1000, 0)).toBe('claimed');

    expect(await h.alerts.trigger().done).toMatchObject({ complete: false, outcomes: { held: 1, sent: 0 } });
    expect((await h.alertStore.lastSeen())!.generation).toBe(seen.generation);
    expect(h.deliverer.alerts).toEqual([]);
    await new Promise((r) => setTimeout(r, 1100));
    expect(await h.alerts.trigger().done).toMatchObject({ complete: true, outcomes: { sent: 1 } });
    expect(h.deliverer.alerts.map((a) => a.key)).toEqual([key]);
    expect((await h.alertStore.lastSeen())!.generation).toBe(seen.generation + 1);
  });
});

describe('replicas sharing a store', () => {
  for (const [name, url] of Object.entries(SHARED_STORES)) {
    it(`two replicas on ${name} running the pass at once send each alert exactly once`, async () => {
      const prefix = `alerts-replicas-${name}-${process.pid}-${Date.now()}`;
      const a = harness({ storeUrl: url, prefix });
      const b = harness({ storeUrl: url, prefix });
      for (let i = 0; i < 6; i++) await a.addTrip({ userId: `U0R${i}`, destinations: i % 2 ? ['KZ'] : ['UZ', 'KZ'] });
      expect(await a.alerts.trigger().done).toMatchObject({ baseline: true });
      a.holder.swap(advisorOver(changed.dir));
      b.holder.swap(advisorOver(changed.dir));
      const [ra, rb] = await Promise.all([a.alerts.trigger().done, b.alerts.trigger().done]);
      const sent = [...a.deliverer.alerts, ...b.deliverer.alerts];
      expect(sent.map((x) => x.userId).sort()).toEqual(['U0R0', 'U0R1', 'U0R2', 'U0R3', 'U0R4', 'U0R5']);
      expect(ra.trips).toBe(6);
      expect(rb.trips).toBe(6);
      // Whatever one replica found held, a later pass settles with nothing sent twice.
      for (const h of [a, b]) await h.alerts.trigger().done;
      await new Promise((r) => setTimeout(r, 50));
      expect([...a.deliverer.alerts, ...b.deliverer.alerts]).toHaveLength(6);
    });
  }
});
