/**
 * Shared set-up for the risk-alert tests: content copies whose Kazakhstan (or any
 * country) the test changes, real advisors built from them, and an alert service over a
 * real keyv store (SQLite in a temp dir, or the shared Redis/PostgreSQL with namespaces
 * unique to the test) reading the trips of a real reminder service, delivering through
 * a recording deliverer that speaks the Deliverer port and can be told to fail.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Keyv from 'keyv';
import { buildAdvisor } from '../../src/app/build-advisor.js';
import { createAdvisorHolder, type AdvisorHolder } from '../../src/app/advisor-holder.js';
import type { Advisor } from '../../src/advisor/create-advisor.js';
import { createAlertService, type AlertService, type AlertServiceOptions } from '../../src/alerts/create-alert-service.js';
import { createAlertStore, type AlertStore } from '../../src/alerts/alert-store.js';
import type { AlertDelivery } from '../../src/alerts/types.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { createReminderService } from '../../src/reminders/create-reminder-service.js';
import { createTripStore } from '../../src/reminders/trip-store.js';
import type { Deliverer, NewTrip, Platform } from '../../src/reminders/types.js';
import { closeStores } from '../../src/store/close-stores.js';
import { createStore } from '../../src/store/create-store.js';
import { copyContent, type ContentCopy } from '../content/content-fixture.js';
import '../support/store-backends.js';

/** Kazakhstan from high to severe: abusive surveillance marked present. */
export function raiseKazakhstan(copy: ContentCopy): void {
  const text = copy.read('countries/kz.md');
  const changed = text.replace('  abusive-surveillance:\n    status: unknown', '  abusive-surveillance:\n    status: present');
  if (changed === text) throw new Error('fixture: Kazakhstan is not as expected');
  copy.write('countries/kz.md', changed);
}

/** A VPN law status of an assessed country's file (e.g. UZ unknown → banned). */
export function setVpnLaw(copy: ContentCopy, code: string, status: string): void {
  const file = `countries/${code.toLowerCase()}.md`;
  const text = copy.read(file);
  const changed = text.replace(/( {2}vpn:\n {4}status: )\w+/, `$1${status}`);
  if (changed === text) throw new Error(`fixture: no VPN law in ${file}`);
  copy.write(file, changed);
}

const advisors = new Map<string, Advisor>();
/** The real advisor over a content directory (built once per directory and state). */
export function advisorOver(dir: string, tag = ''): Advisor {
  const key = `${dir}\u0000${tag}`;
  let a = advisors.get(key);
  if (!a) advisors.set(key, (a = buildAdvisor(loadConfig({ CONTENT_DIR: dir, LOG_LEVEL: 'silent' }))));
  return a;
}

export interface RecordedAlert {
  userId: string;
  key: string;
  countries: string[];
  text: string;
}

/** A deliverer recording alerts; `fail(plan)` decides per call what goes wrong. */
export function recordingAlertDeliverer(platform: Platform = 'slack', directory: Record<string, string> = {}) {
  const alerts: RecordedAlert[] = [];
  let plan: (userId: string, a: AlertDelivery, call: number) => Error | null = () => null;
  let calls = 0;
  const deliverer: Deliverer & { alerts: RecordedAlert[]; fail(p: typeof plan): void; calls(): number } = {
    platform,
    alerts,
    calls: () => calls,
    fail(p) {
      plan = p;
    },
    async resolveEmail(email) {
      return directory[email] ?? null;
    },
    async deliver() {
      // Reminders are not what these tests look at.
    },
    async deliverAlert(userId, a) {
      const error = plan(userId, a, ++calls);
      if (error) throw error;
      alerts.push({ userId, key: a.idempotencyKey, countries: a.destinations.map((d) => d.countryCode), text: JSON.stringify(a.destinations) });
    },
    async alertDelivered(_userId, a) {
      return alerts.some((x) => x.key === a.idempotencyKey);
    },
  };
  return deliverer;
}

export interface AlertsHarness {
  holder: AdvisorHolder;
  alerts: AlertService;
  alertStore: AlertStore;
  deliverer: ReturnType<typeof recordingAlertDeliverer>;
  clock: { now: Date };
  addTrip(t: Partial<NewTrip> & { userId?: string }): Promise<string>;
  cancelTrip(id: string): Promise<void>;
  /** Another worker's view of the same alert namespaces (its own lease owner), as a second replica has. */
  otherWorker(): AlertStore;
  close(): Promise<void>;
}

export interface HarnessOptions {
  advisor: Advisor;
  storeUrl?: string;
  dataDir?: string;
  /** Namespaces: unique per test so parallel runs on a shared server never meet. */
  prefix?: string;
  deliverer?: ReturnType<typeof recordingAlertDeliverer>;
  service?: Partial<AlertServiceOptions>;
}

export function alertsHarness(o: HarnessOptions): AlertsHarness {
  const dataDir = o.dataDir ?? mkdtempSync(join(tmpdir(), 'alerts-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...(o.storeUrl ? { STORE_URL: o.storeUrl } : {}) });
  const prefix = o.prefix ?? `t${randomUUID().slice(0, 8)}`;
  const clock = { now: new Date('2026-11-23T10:00:00Z') };
  const stores: Keyv[] = [];
  const store = <T>(ns: string): Keyv<T> => {
    const s = createStore<T>(config, ns);
    stores.push(s as Keyv);
    return s;
  };
  const holder = createAdvisorHolder(o.advisor);
  // The trips are written by the real reminder service (never started: no reminder goes out here).
  const reminders = createReminderService({ config, advisor: holder.advisor, logger: silentLogger, clock: () => clock.now, store }, { scheduler: 'local', namespace: `${prefix}-reminders` });
  const deliverer = o.deliverer ?? recordingAlertDeliverer();
  reminders.registerDeliverer(deliverer);
  const trips = createTripStore({ store, prefix: `${prefix}-reminders` });
  const alertStore = createAlertStore({ store, prefix: `${prefix}-alerts` });
  const alerts = createAlertService({
    advisor: () => holder.current(), reminders, trips: () => trips.trips(), store: alertStore,
    clock: () => clock.now, logger: silentLogger, timeZone: 'UTC', retryMs: 3_600_000, ...o.service,
  });
  return {
    holder, alerts, alertStore, deliverer, clock,
    async addTrip(t) {
      const trip = await reminders.createTrip({
        traveller: t.traveller ?? { platform: 'slack', userId: t.userId ?? 'U0KAT' },
        destinations: t.destinations ?? ['KZ'], start: t.start ?? '2026-11-30', end: t.end === undefined ? '2026-12-04' : t.end,
        createdBy: 'test', source: 'api',
      });
      return trip.id;
    },
    async cancelTrip(id) {
      await reminders.cancelTrip(id);
    },
    otherWorker: () => createAlertStore({ store, prefix: `${prefix}-alerts` }),
    async close() {
      await alerts.stop();
      await reminders.stop();
      if (o.storeUrl) for (const s of stores) await s.clear().catch(() => undefined);
      await closeStores(stores, 2000);
    },
  };
}

export { copyContent, type ContentCopy };
