/**
 * Travel-desk commands in Teams, for members of TEAMS_TRAVEL_DESK_TEAM_ID only:
 * "@bot travel-desk remind @Kat Kazakhstan 2026-12-03..2026-12-10" (or an email instead
 * of the mention), "travel-desk trips", "travel-desk report", "travel-desk alerts",
 * "travel-desk insights [days]" ("insights here" / "insights off": the weekly insights in
 * this channel, or none). Same language and report
 * as Slack's /travel-desk (src/reminders/parse-desk-command.ts, render-desk-report.ts).
 *
 * They list and create everyone's trips, so they run only on an authenticated activity
 * (a Bot Framework token the SDK validated: its channelData comes from Microsoft), posted
 * in a channel of the desk team (channelData.team.id), by a member of that team (roster
 * lookup on the token-vouched serviceUrl). In local mode they are refused.
 */
import type { AppContext } from '../../app/app-context.js';
import { AdvisorError } from '../../errors.js';
import { DESK_USAGE, parseDeskCommand } from '../../reminders/parse-desk-command.js';
import { PLAIN_DESK_FORMAT, renderDeskReport, renderTripList } from '../../reminders/render-desk-report.js';
import { renderAlertList } from '../../alerts/render-alert-list.js';
import { renderInsights } from '../../insights/render-insights.js';
import { channelReference } from './create-teams-insights-poster.js';
import { formatLocalTime } from '../../render/local-time.js';
import type { TravellerRef } from '../../reminders/types.js';
import type { TeamsMessageHandler } from './create-teams-bot.js';
import type { TeamsAccount, TeamsTurn } from './teams-port.js';
import { teamsTimeZone } from './teams-time-zone.js';
import { travellerId } from './teams-user-store.js';

const COMMAND = /^\/?travel-desk\b\s*([\s\S]*)$/i;
const MENTIONED = '@mentioned';

/** `onDeskTurn`: told of each command that passed the checks (the door remembers the desk's channel for unreachable-traveller notices). */
export function createTravelDeskHandler(
  ctx: Pick<AppContext, 'config' | 'advisor' | 'reminders' | 'clock' | 'logger' | 'alerts' | 'insights'>,
  hooks: { onDeskTurn?: (turn: TeamsTurn) => Promise<void> } = {},
): TeamsMessageHandler {
  return async ({ turn, text, userId, teamId }) => {
    const m = COMMAND.exec(text);
    if (!m) return false;
    const say = async (t: string) => void (await turn.send({ type: 'message', text: t, textFormat: 'markdown' }));
    const team = ctx.config.TEAMS_TRAVEL_DESK_TEAM_ID;
    if (!team) return say('The travel desk is not set up here: an admin must set TEAMS_TRAVEL_DESK_TEAM_ID.').then(() => true);
    if (!turn.authenticated)
      return say('Travel-desk commands are off on this server: it runs Teams in local mode (TEAMS_LOCAL_MODE), without the Microsoft sign-in (MICROSOFT_APP_ID) that tells who you are.').then(() => true);
    if (teamId !== team) return say('Travel-desk commands work only in a channel of the travel desk team: @mention me there.').then(() => true);
    if (!(await turn.senderInTeam(team))) return say('Sorry, travel-desk commands are only for members of the travel desk team. Ask me directly about your own trips instead.').then(() => true);
    await hooks.onDeskTurn?.(turn);
    // The traveller's @mention was stripped from the text; it is in the entities.
    const a = turn.activity;
    const mention = a.entities
      ?.filter((e) => e.type === 'mention')
      .map((e) => e.mentioned as TeamsAccount | undefined)
      .find((x) => x?.id && x.id !== a.recipient.id);
    let rest = m[1]!.trim();
    if (mention && /^remind\b/i.test(rest)) rest = rest.replace(/^remind\b/i, `remind ${MENTIONED}`);
    const cmd = parseDeskCommand(rest, ctx.advisor);
    // Times in the desk member's own zone (their activity's), DEFAULT_TIMEZONE otherwise.
    const zone = teamsTimeZone(a, ctx.config.DEFAULT_TIMEZONE);
    const format = { ...PLAIN_DESK_FORMAT, instant: (iso: string) => formatLocalTime(iso, zone) };
    try {
      if (cmd.kind === 'help') return say(DESK_USAGE.replaceAll('`', '')).then(() => true);
      if (cmd.kind === 'invalid') return say(cmd.message.replaceAll('`', '')).then(() => true);
      if (cmd.kind === 'trips') {
        const today = ctx.clock().toISOString().slice(0, 10);
        const upcoming = (await ctx.reminders.listTrips()).filter((t) => (t.end ?? t.start) >= today && t.reminders.some((r) => r.status !== 'cancelled'));
        return say(renderTripList(upcoming, undefined, format)).then(() => true);
      }
      if (cmd.kind === 'report') return say(renderDeskReport(await ctx.reminders.listTrips(), undefined, format)).then(() => true);
      if (cmd.kind === 'alerts') return say(renderAlertList((await ctx.alerts?.list()) ?? [], undefined, format)).then(() => true);
      if (cmd.kind === 'insights') {
        if (!ctx.insights) return say('Insights are not available on this server.').then(() => true);
        // "here": this desk-team channel gets the weekly post (its reference is kept in the store); "off": no weekly post.
        if (cmd.weekly === 'here') await ctx.insights.setTarget('teams', channelReference(turn.reference()));
        if (cmd.weekly === 'off') await ctx.insights.setTarget('teams', null);
        if (cmd.weekly)
          return say(cmd.weekly === 'here' ? 'The weekly security-team insights will be posted in this channel, on Mondays from 09:00.' : 'No more weekly insights in Teams.').then(() => true);
        return say(renderInsights(await ctx.insights.report({ days: cmd.days }), format)).then(() => true);
      }
      let traveller: TravellerRef | null = null;
      if (cmd.traveller === MENTIONED && mention) traveller = { platform: 'teams', userId: travellerId(mention) };
      else if (/^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$/.test(cmd.traveller)) traveller = { email: cmd.traveller.toLowerCase() };
      if (!traveller) return say(`"${cmd.traveller.slice(0, 40)}" is not a person (@mention them) or an email address.`).then(() => true);
      const trip = await ctx.reminders.createTrip({
        traveller,
        destinations: cmd.destinations,
        start: cmd.start,
        end: cmd.end,
        createdBy: `teams:${userId}`,
        source: 'desk',
        idempotencyKey: `desk:teams:${JSON.stringify([traveller, cmd.destinations, cmd.start, cmd.end])}`,
      });
      const who = mention && 'platform' in traveller ? (mention.name ?? 'the traveller') : 'email' in traveller ? traveller.email : 'the traveller';
      const plan = trip.reminders.map((r) => `${r.kind} ${formatLocalTime(r.dueAt, zone)}`).join(', ');
      await say(`${trip.replayed ? 'Already planned' : 'Trip saved'} for ${who}: ${trip.destinations.join(', ')} ${trip.start}..${trip.end ?? '?'}. Reminders: ${plan}.`);
    } catch (error) {
      if (error instanceof AdvisorError && error.code === 'INPUT_INVALID') await say(error.message);
      else throw error;
    }
    return true;
  };
}
