/**
 * The one travel-desk command handler, for every door: `remind <traveller> <destinations>
 * <start>[..<end>]`, `trips`, `report`, `alerts`, `insights [days|here|off]`, `help`
 * (src/reminders/parse-desk-command.ts). Slack's `/travel-desk` and Teams' "travel-desk …"
 * both come here through the conversation service; the HTTP API plans trips through the
 * same planDeskTrip. What differs by door is given as a DeskDoor: who may use the commands
 * there (Slack: the desk user group or channel; Teams: an authenticated member of the desk
 * team, in its channel), how a traveller token resolves (a mention the door read, an email),
 * and how text is written (DeskTextFormat). Returns the reply, in the door's format.
 */
import type { Advisor } from '../advisor/create-advisor.js';
import type { AlertService } from '../alerts/create-alert-service.js';
import { renderAlertList } from '../alerts/render-alert-list.js';
import { InvalidTripError, StoreUnavailableError, AdvisorError } from '../errors.js';
import type { InsightsService } from '../insights/create-insights-service.js';
import { renderInsights } from '../insights/render-insights.js';
import { DESK_USAGE, parseDeskCommand } from '../reminders/parse-desk-command.js';
import { planDeskTrip, type DeskTripDeps } from '../reminders/plan-desk-trip.js';
import { renderDeskReport, renderTripList, type DeskTextFormat } from '../reminders/render-desk-report.js';
import type { ReminderService, TravellerRef } from '../reminders/types.js';

/** What a door says about its desk and its people. */
export interface DeskDoor {
  /** Null when this person may use the desk commands here; else why not, in the door's words. */
  refusal(): Promise<string | null>;
  /** The traveller a `remind` token names (a mention the door resolved, an email); null when it names nobody. */
  traveller(token: string): TravellerRef | null;
  /** How a planned trip's traveller is named in the confirmation. */
  name(traveller: TravellerRef, token: string): string;
  /** The reply when a token names nobody ("… is not a Slack user (@mention them) or an email address."). */
  unknownTraveller(token: string): string;
  /** How text is written in this door; `instant` in the desk member's own zone. */
  format: DeskTextFormat & { instant(iso: string): string };
  /** `createdBy` of the trips this desk member plans ("slack:U0DESK"), and the scope of their idempotency keys (a workspace). */
  createdBy: string;
  keyScope: string;
  /** `insights here` / `insights off`: the door's reply (Teams sets its channel; Slack points at INSIGHTS_SLACK_CHANNEL). */
  weekly(setting: 'here' | 'off'): Promise<string>;
  /** Told when a command passed the door's checks (Teams remembers the desk's channel). */
  onAdmitted?(): Promise<void>;
}

export interface DeskDeps extends DeskTripDeps {
  advisor: Pick<Advisor, 'understand'>;
  reminders: Pick<ReminderService, 'createTrip' | 'listTrips'>;
  alerts?: Pick<AlertService, 'list'>;
  insights?: Pick<InsightsService, 'report'>;
}

/** A command's words in the door's format: `code` spans rendered as the door writes commands. */
const inFormat = (text: string, format: DeskTextFormat) => text.replace(/`([^`]*)`/g, (_, code: string) => format.code(code));

/** Runs one desk command (`text` without the "travel-desk" word); input problems and store failures are the reply, other errors are thrown. */
export async function runDeskCommand(text: string, deps: DeskDeps, door: DeskDoor): Promise<string> {
  const refusal = await door.refusal();
  if (refusal !== null) return refusal;
  await door.onAdmitted?.();
  const { format } = door;
  const cmd = parseDeskCommand(text, deps.advisor);
  try {
    if (cmd.kind === 'help') return inFormat(DESK_USAGE, format);
    if (cmd.kind === 'invalid') return inFormat(cmd.message, format);
    if (cmd.kind === 'trips') {
      const today = deps.clock().toISOString().slice(0, 10);
      const upcoming = (await deps.reminders.listTrips()).filter((t) => (t.end ?? t.start) >= today && t.reminders.some((r) => r.status !== 'cancelled'));
      return renderTripList(upcoming, undefined, format);
    }
    if (cmd.kind === 'report') return renderDeskReport(await deps.reminders.listTrips(), undefined, format);
    if (cmd.kind === 'alerts') return renderAlertList((await deps.alerts?.list()) ?? [], undefined, format);
    if (cmd.kind === 'insights') {
      if (!deps.insights) return 'Insights are not available on this server.';
      if (cmd.weekly) return await door.weekly(cmd.weekly);
      return renderInsights(await deps.insights.report({ days: cmd.days }), format);
    }
    const traveller = door.traveller(cmd.traveller);
    if (!traveller) return door.unknownTraveller(cmd.traveller);
    const trip = await planDeskTrip(deps, {
      traveller,
      destinations: cmd.destinations,
      start: cmd.start,
      end: cmd.end,
      createdBy: door.createdBy,
      source: 'desk',
      idempotencyKey: `desk:${door.keyScope}:${JSON.stringify([traveller, cmd.destinations, cmd.start, cmd.end])}`,
    });
    const plan = trip.reminders.map((r) => `${r.kind} ${format.instant(r.dueAt)}`).join(', ');
    return `${trip.replayed ? 'Already planned' : 'Trip saved'} for ${door.name(traveller, cmd.traveller)}: ${trip.destinations.join(', ')} ${trip.start}..${trip.end ?? '?'}. Reminders: ${plan}.`;
  } catch (error) {
    if (error instanceof InvalidTripError) return error.problems.join('; ');
    if (error instanceof AdvisorError && error.code === 'INPUT_INVALID') return error.message;
    if (error instanceof StoreUnavailableError) return error.userMessage;
    throw error;
  }
}
