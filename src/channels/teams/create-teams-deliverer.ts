/**
 * The Teams Deliverer the reminders service calls: finds the traveller's stored
 * personal conversation, waits for room under the tenant's rate limit, and sends the
 * reminder card with continueConversation, retrying transient connector errors.
 *
 * Crash safety (`alreadyDelivered`): the Bot Connector offers no history we can search
 * for a message's idempotency key (Slack's deliverer reads DM history instead), so the
 * deliverer keeps its own durable record per `delivery.idempotencyKey` in the `sent`
 * store (the Teams door passes its keyv namespace `teams-sent`, on STORE_URL): an
 * intent (`sending`) before the connector is called, and `sent` with the connector's
 * activity id as soon as the connector answers 2xx. After a crash, a key recorded as
 * `sent` is reported delivered and nothing is sent again.
 *
 * The window that remains: a crash after the connector's 2xx but before our `sent`
 * write lands (one store round trip, typically a millisecond) leaves only the intent;
 * we cannot tell whether the card arrived, so it is sent again (at least once, never
 * lost). The record is also checked in `deliver` itself, so a key already sent is
 * never posted twice even if a caller skips `alreadyDelivered`.
 *
 * A stored conversation whose serviceUrl is outside TEAMS_SERVICE_URL_HOSTS (e.g. one
 * saved by an older, unauthenticated server) is never called: the reminder fails at
 * once, permanently, with a reason the travel desk sees.
 *
 * A traveller the bot has no chat with: with proactive installation (TEAMS_GRAPH_INSTALL,
 * graph/create-graph-installer.ts) their email is looked up in Microsoft Graph, the app is
 * installed for them and the reminder goes to that new personal chat (remembered like any
 * other). Without it, or when Graph refuses, the reminder fails permanently
 * (TeamsUnreachableError) and the travel desk is told once per traveller who cannot be
 * reached, why and what to do (unreachable-notices.ts).
 *
 * Risk-change alerts (src/alerts/) take the same path and the same record, under the
 * alert's own idempotency key.
 */
import type Keyv from 'keyv';
import type { Logger } from 'pino';
import type { Deliverer, Delivery } from '../../reminders/types.js';
import type { TenantThrottle } from './create-tenant-throttle.js';
import { alertToActivity } from './render/alert-to-activity.js';
import { reminderToActivity } from './render/reminder-to-activity.js';
import type { TeamsInstaller } from './graph/create-graph-installer.js';
import { sendWithRetry, TeamsDeliveryError, TeamsUnreachableError, type RetryOptions } from './send-with-retry.js';
import type { ServiceUrlPolicy } from './service-url-policy.js';
import type { TeamsOutbound, TeamsPort } from './teams-port.js';
import type { TeamsUserStore } from './teams-user-store.js';
import type { UnreachableNotices } from './unreachable-notices.js';

/** What the deliverer remembers per idempotency key. */
export type TeamsSentRecord =
  | { state: 'sending'; userId: string; at: string }
  | { state: 'sent'; userId: string; at: string; activityId: string | null };

export interface TeamsDelivererOptions {
  port: Pick<TeamsPort, 'continueConversation'>;
  users: TeamsUserStore;
  /** The service URLs reminders may go to (TEAMS_SERVICE_URL_HOSTS). */
  serviceUrls: ServiceUrlPolicy;
  throttle: TenantThrottle;
  /** Durable record of sent reminders by idempotency key (keyv namespace `teams-sent`). */
  sent: Keyv<TeamsSentRecord>;
  /** How long a record is kept: longer than a reminder can stay in flight. Default 30 days. */
  sentTtlMs?: number;
  retry?: RetryOptions;
  logger: Logger;
  now?: () => Date;
  /** TEAMS_GRAPH_INSTALL=on: installs the app for a traveller the bot has no chat with. */
  installer?: TeamsInstaller | null;
  /** Tells the travel desk, once per traveller, who cannot be reached and why. */
  notices?: UnreachableNotices;
}

/** No chat with the traveller, and the bot may not install itself for them. MUST stay in sync with docs/teams.md. */
const NO_CHAT = () =>
  new TeamsUnreachableError(
    'No Teams chat with this traveller yet: they must install the app or message the bot once before it can remind them',
    'Ask them to open the Travel advisor once in Teams (Apps > Travel advisor), or let the bot install it for them: TEAMS_GRAPH_INSTALL=on with the Graph permissions in docs/teams.md.',
  );

/** Proactive installation is on, but Microsoft Graph knows no user by this email (404). */
const NOT_IN_DIRECTORY = () =>
  new TeamsUnreachableError(
    'No user with this email in your Microsoft 365 directory',
    "Check the address: it must be the traveller's sign-in name (user principal name) in your tenant.",
    { status: 404 },
  );

export function createTeamsDeliverer(options: TeamsDelivererOptions): Deliverer {
  const { port, users, throttle, sent, logger } = options;
  const installer = options.installer ?? null;
  /** Emails resolved through Graph in this process, by user id, so a notice names the traveller as the desk does. */
  const emails = new Map<string, string>();
  const labelOf = (userId: string, trip: { destinations: string[]; start: string }) => {
    const email = emails.get(userId);
    return email ? `${email} (the trip to ${trip.destinations.join(', ')} on ${trip.start})` : tripLabel(userId, trip);
  };
  /** Tells the desk (once per traveller) when `error` says the traveller cannot be reached; rethrows it. */
  async function unreachable(traveller: { key: string; label: string }, error: unknown): Promise<never> {
    if (error instanceof TeamsUnreachableError) await options.notices?.tell(traveller, error);
    throw error;
  }
  /** The stored personal chat, or one made by installing the app for the traveller (proactive installation). */
  async function chatWith(userId: string, label: string, log: Record<string, unknown>) {
    const user = await users.get(userId);
    if (user) return user;
    const traveller = { key: userId, label };
    if (!installer) return unreachable(traveller, NO_CHAT());
    try {
      const ref = await installer.install(userId);
      await users.save({ id: userId, aadObjectId: userId }, ref, { now: now() });
      logger.info(log, 'teams app installed for the traveller through Microsoft Graph');
    } catch (error) {
      return unreachable(traveller, error);
    }
    return (await users.get(userId)) ?? unreachable(traveller, NO_CHAT());
  }
  const ttl = options.sentTtlMs ?? 30 * 86_400_000;
  const now = options.now ?? (() => new Date());
  const wasSent = async (userId: string, key: string) => {
    const rec = await sent.get(key);
    return rec?.state === 'sent' && rec.userId === userId;
  };
  /** Sends `render()` to the traveller's personal chat once per `key`; `log` names the message in logs (ids, never text). */
  async function send(userId: string, key: string, render: () => TeamsOutbound, log: Record<string, unknown>, label: string): Promise<void> {
    if (await wasSent(userId, key)) {
      logger.info(log, 'teams message already sent under this key; not sending again');
      return;
    }
    const user = await chatWith(userId, label, log);
    if (!options.serviceUrls.allows(user.ref.serviceUrl)) {
      logger.warn({ ...log, serviceHost: options.serviceUrls.hostOf(user.ref.serviceUrl) }, 'teams message refused: stored serviceUrl not allowed');
      throw new TeamsDeliveryError(
        "The traveller's stored Teams chat points at a service URL outside TEAMS_SERVICE_URL_HOSTS; they must message the bot again before it can remind them",
        { status: null, permanent: true },
      );
    }
    const activity = render();
    await sent.set(key, { state: 'sending', userId, at: now().toISOString() }, ttl);
    let activityId: string | undefined;
    await sendWithRetry(async () => {
      await throttle.acquire(user.tenantId ?? 'unknown-tenant');
      await port.continueConversation(user.ref, async (turn) => {
        activityId = await turn.send(activity);
      });
    }, options.retry);
    // The connector has accepted the card: record it before anything else can fail.
    await sent.set(key, { state: 'sent', userId, at: now().toISOString(), activityId: activityId ?? null }, ttl);
    logger.info(log, 'teams message delivered');
  }
  return {
    platform: 'teams',
    async resolveEmail(email) {
      const known = await users.userIdForEmail(email);
      if (known) return known;
      const traveller = { key: email, label: email };
      if (!installer) {
        // Said to the desk once; another platform's deliverer may still know them.
        await options.notices?.tell(traveller, NO_CHAT());
        return null;
      }
      let userId: string | null;
      try {
        userId = await installer.resolveEmail(email);
      } catch (error) {
        return unreachable(traveller, error);
      }
      if (!userId) {
        await options.notices?.tell(traveller, NOT_IN_DIRECTORY());
        return null;
      }
      // The desk knows them by this address: a notice about them later names it.
      emails.set(userId, email);
      if (emails.size > 1000) emails.delete(emails.keys().next().value!);
      return userId;
    },
    deliver: (userId: string, delivery: Delivery) =>
      send(userId, delivery.idempotencyKey, () => reminderToActivity(delivery), { reminderId: delivery.reminder.id, kind: delivery.reminder.kind }, labelOf(userId, delivery.trip)),
    alreadyDelivered: (userId: string, delivery: Delivery) => wasSent(userId, delivery.idempotencyKey),
    deliverAlert: (userId, alert) =>
      send(userId, alert.idempotencyKey, () => alertToActivity(alert), { tripId: alert.tripId, kind: 'risk-alert' }, labelOf(userId, { destinations: alert.destinations.map((d) => d.countryCode), start: alert.trip.start })),
    alertDelivered: (userId, alert) => wasSent(userId, alert.idempotencyKey),
  };
}

/** The traveller as the desk knows them when no email is left on the trip: the trip, and their Teams id. */
function tripLabel(userId: string, trip: { destinations: string[]; start: string }): string {
  return `the traveller to ${trip.destinations.join(', ')} on ${trip.start} (Teams user ${userId})`;
}
