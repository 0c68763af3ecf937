/**
 * `/travel-desk` for the travel desk: `remind @user Kazakhstan 2026-12-03..2026-12-10`
 * creates a trip whose reminders reach the traveller as DMs, `trips` lists upcoming
 * trips, `report` shows briefings sent, acknowledged and failed, `alerts` who was told of a
 * risk change, `insights [days]` the security-team insights (src/insights/). Only members of
 * SLACK_TRAVEL_DESK_USERGROUP (usergroups.users.list) or SLACK_TRAVEL_DESK_CHANNEL
 * (conversations.members) may use it; everyone else gets a clear refusal. Replies are
 * ephemeral. The manifest's command needs `should_escape: true` so mentions arrive as
 * `<@U…>` (and `&`, `<`, `>` as `&amp;`, `&lt;`, `&gt;`: unescaped before an email is
 * stored), and the scopes `usergroups:read` / `channels:read` (or `groups:read`). Every
 * stored or typed string in a reply is mrkdwn-escaped (SLACK_DESK_FORMAT).
 */
import type { webApi } from '@slack/bolt';
import { AdvisorError, StoreUnavailableError } from '../../../errors.js';
import { parseDeskCommand, DESK_USAGE } from '../../../reminders/parse-desk-command.js';
import { renderDeskReport, renderTripList } from '../../../reminders/render-desk-report.js';
import { renderAlertList } from '../../../alerts/render-alert-list.js';
import { renderInsights } from '../../../insights/render-insights.js';
import type { TravellerRef } from '../../../reminders/types.js';
import { escapeMrkdwn, unescapeMrkdwn } from '../render/mrkdwn.js';
import { SLACK_DESK_FORMAT } from '../render/slack-desk-format.js';
import { slackDate } from '../render/slack-date.js';
import type { SlackListener } from './slack-listener.js';

export const TRAVEL_DESK_COMMAND = '/travel-desk';

/** Whether `userId` belongs to the configured desk; null when no desk is configured. */
export async function isDeskMember(
  client: webApi.WebClient,
  desk: { usergroup?: string; channel?: string },
  userId: string,
): Promise<boolean | null> {
  if (desk.usergroup) {
    const r = await client.usergroups.users.list({ usergroup: desk.usergroup });
    if ((r.users ?? []).includes(userId)) return true;
  }
  if (desk.channel) {
    let cursor: string | undefined;
    do {
      const r = await client.conversations.members({ channel: desk.channel, limit: 1000, ...(cursor ? { cursor } : {}) });
      if ((r.members ?? []).includes(userId)) return true;
      cursor = r.response_metadata?.next_cursor || undefined;
    } while (cursor);
  }
  return desk.usergroup || desk.channel ? false : null;
}

/** `<@U123|ana>` or `<@U123>` → the Slack user; an email (Slack's escaping undone) as it is. */
function travellerOf(token: string): TravellerRef | null {
  const mention = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(token);
  if (mention) return { platform: 'slack', userId: mention[1]! };
  const mailto = /^<mailto:([^|>]+)(?:\|[^>]*)?>$/.exec(token);
  const email = unescapeMrkdwn(mailto ? mailto[1]! : token);
  return /^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$/.test(email) ? { email: email.toLowerCase() } : null;
}

export const registerTravelDeskCommand: SlackListener = (app, deps) => {
  const { ctx } = deps;
  const desk = { usergroup: ctx.config.SLACK_TRAVEL_DESK_USERGROUP, channel: ctx.config.SLACK_TRAVEL_DESK_CHANNEL };
  app.command(TRAVEL_DESK_COMMAND, async ({ command, ack, respond, client }) => {
    await ack();
    const reply = (text: string) => respond({ response_type: 'ephemeral', text });
    try {
      const member = await isDeskMember(client, desk, command.user_id);
      if (member === null) return void (await reply('The travel desk is not set up here: an admin must set SLACK_TRAVEL_DESK_USERGROUP or SLACK_TRAVEL_DESK_CHANNEL.'));
      if (!member) return void (await reply('Sorry, /travel-desk is only for members of the travel desk. Ask the bot directly about your own trips instead.'));
      const cmd = parseDeskCommand(command.text ?? '', ctx.advisor);
      // Times as Slack date tokens: each reader's own zone, the fallback in the desk member's.
      const zone = await deps.zones.of(command.user_id);
      const format = { ...SLACK_DESK_FORMAT, instant: (iso: string) => slackDate(iso, zone) };
      if (cmd.kind === 'help') return void (await reply(DESK_USAGE));
      if (cmd.kind === 'invalid') return void (await reply(cmd.message));
      if (cmd.kind === 'trips') {
        const today = ctx.clock().toISOString().slice(0, 10);
        const upcoming = (await ctx.reminders.listTrips()).filter((t) => (t.end ?? t.start) >= today && t.reminders.some((r) => r.status !== 'cancelled'));
        return void (await reply(renderTripList(upcoming, undefined, format)));
      }
      if (cmd.kind === 'report') return void (await reply(renderDeskReport(await ctx.reminders.listTrips(), undefined, format)));
      if (cmd.kind === 'alerts') return void (await reply(renderAlertList((await ctx.alerts?.list()) ?? [], undefined, format)));
      if (cmd.kind === 'insights') {
        if (!ctx.insights) return void (await reply('Insights are not available on this server.'));
        if (cmd.weekly)
          return void (await reply(`In Slack the weekly insights go to the channel an admin sets in INSIGHTS_SLACK_CHANNEL (${ctx.config.INSIGHTS_SLACK_CHANNEL ? `now <#${ctx.config.INSIGHTS_SLACK_CHANNEL}>` : 'not set'}); \`insights here\` and \`insights off\` are for Teams.`));
        return void (await reply(renderInsights(await ctx.insights.report({ days: cmd.days }), format)));
      }
      const traveller = travellerOf(cmd.traveller);
      if (!traveller) return void (await reply(`"${escapeMrkdwn(unescapeMrkdwn(cmd.traveller).slice(0, 40))}" is not a Slack user (@mention them) or an email address.`));
      const trip = await ctx.reminders.createTrip({
        traveller,
        destinations: cmd.destinations,
        start: cmd.start,
        end: cmd.end,
        createdBy: `slack:${command.user_id}`,
        source: 'desk',
        idempotencyKey: `desk:slack:${command.team_id}:${JSON.stringify([traveller, cmd.destinations, cmd.start, cmd.end])}`,
      });
      const who = 'platform' in traveller ? SLACK_DESK_FORMAT.user(traveller.platform, traveller.userId) : escapeMrkdwn(traveller.email);
      const plan = trip.reminders.map((r) => `${r.kind} ${slackDate(r.dueAt, zone)}`).join(', ');
      await reply(`${trip.replayed ? 'Already planned' : 'Trip saved'} for ${who}: ${trip.destinations.join(', ')} ${trip.start}..${trip.end ?? '?'}. Reminders: ${plan}.`);
    } catch (error) {
      const message =
        error instanceof AdvisorError && error.code === 'INPUT_INVALID' ? error.message
        : error instanceof StoreUnavailableError ? error.userMessage
        : 'Something went wrong; please try again.';
      if (!(error instanceof AdvisorError && error.code === 'INPUT_INVALID')) deps.logger.error({ err: { name: (error as Error).name, message: (error as Error).message } }, '/travel-desk failed');
      await reply(message);
    }
  });
};
