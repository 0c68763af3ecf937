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
import type { DeskDoor } from '../../../conversation/run-desk-command.js';
import type { TravellerRef } from '../../../reminders/types.js';
import { slackFlagsToUnicode } from '../normalise-slack-text.js';
import { escapeMrkdwn, unescapeMrkdwn } from '../render/mrkdwn.js';
import { SLACK_DESK_FORMAT } from '../render/slack-desk-format.js';
import { slackDate } from '../render/slack-date.js';
import type { SlackDeps, SlackListener } from './slack-listener.js';

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

/** What the desk commands need to know about Slack (src/conversation/run-desk-command.ts). */
function slackDeskDoor(deps: SlackDeps, client: webApi.WebClient, command: { user_id: string; team_id: string }, zone: string): DeskDoor {
  const { config } = deps.ctx;
  const desk = { usergroup: config.SLACK_TRAVEL_DESK_USERGROUP, channel: config.SLACK_TRAVEL_DESK_CHANNEL };
  return {
    async refusal() {
      const member = await isDeskMember(client, desk, command.user_id);
      if (member === null) return 'The travel desk is not set up here: an admin must set SLACK_TRAVEL_DESK_USERGROUP or SLACK_TRAVEL_DESK_CHANNEL.';
      return member ? null : 'Sorry, /travel-desk is only for members of the travel desk. Ask the bot directly about your own trips instead.';
    },
    traveller: travellerOf,
    name: (traveller) => ('platform' in traveller ? SLACK_DESK_FORMAT.user(traveller.platform, traveller.userId) : escapeMrkdwn(traveller.email)),
    unknownTraveller: (token) => `"${escapeMrkdwn(unescapeMrkdwn(token).slice(0, 40))}" is not a Slack user (@mention them) or an email address.`,
    // Times as Slack date tokens: each reader's own zone, the fallback in the desk member's.
    format: { ...SLACK_DESK_FORMAT, instant: (iso) => slackDate(iso, zone) },
    createdBy: `slack:${command.user_id}`,
    keyScope: `slack:${command.team_id}`,
    async weekly() {
      const where = config.INSIGHTS_SLACK_CHANNEL ? `now <#${config.INSIGHTS_SLACK_CHANNEL}>` : 'not set';
      return `In Slack the weekly insights go to the channel an admin sets in INSIGHTS_SLACK_CHANNEL (${where}); \`insights here\` and \`insights off\` are for Teams.`;
    },
  };
}

export const registerTravelDeskCommand: SlackListener = (app, deps) => {
  const { ctx } = deps;
  app.command(TRAVEL_DESK_COMMAND, async ({ command, ack, respond, client }) => {
    await ack();
    const reply = (text: string) => respond({ response_type: 'ephemeral', text });
    try {
      const zone = await deps.zones.of(command.user_id);
      const desk = slackDeskDoor(deps, client, command, zone);
      // The one desk command handler, through the conversation service like every other door's.
      const said = await ctx.conversation.reply({
        // The traveller's <@U…> stays for slackDeskDoor to resolve; flag codes become the flags the core reads.
        text: `travel-desk ${slackFlagsToUnicode(command.text ?? '')}`,
        thread: { key: `slack:${command.team_id}:${command.channel_id}:/travel-desk:${command.user_id}` },
        user: { platform: 'slack', userId: command.user_id },
        timeZone: zone,
        now: ctx.clock(),
        desk,
      });
      await reply(said.notice?.type === 'desk' ? said.notice.text : '');
    } catch (error) {
      deps.logger.error({ err: { name: (error as Error).name, message: (error as Error).message } }, '/travel-desk failed');
      await reply('Something went wrong; please try again.');
    }
  });
};
