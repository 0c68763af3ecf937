/**
 * Travel-desk commands in Teams, for members of TEAMS_TRAVEL_DESK_TEAM_ID only:
 * "@bot travel-desk remind @Kat Kazakhstan 2026-12-03..2026-12-10" (or an email instead
 * of the mention), "travel-desk trips", "travel-desk report", "travel-desk alerts",
 * "travel-desk insights [days]" ("insights here" / "insights off": the weekly insights in
 * this channel, or none). The commands themselves are the one handler every door uses
 * (src/conversation/run-desk-command.ts, reached through the conversation service); this
 * file says what Teams knows: who may use them here, who an @mention is, how text is written.
 *
 * They list and create everyone's trips, so they run only on an authenticated activity
 * (a Bot Framework token the SDK validated: its channelData comes from Microsoft), posted
 * in a channel of the desk team (channelData.team.id), by a member of that team (roster
 * lookup on the token-vouched serviceUrl). In local mode they are refused.
 */
import type { AppContext } from '../../app/app-context.js';
import type { DeskDoor } from '../../conversation/run-desk-command.js';
import { PLAIN_DESK_FORMAT } from '../../reminders/render-desk-report.js';
import { formatLocalTime } from '../../render/local-time.js';
import { channelReference } from './create-teams-insights-poster.js';
import type { TeamsMessageHandler } from './create-teams-bot.js';
import type { TeamsAccount, TeamsTurn } from './teams-port.js';
import { teamsTimeZone } from './teams-time-zone.js';
import { travellerId } from './teams-user-store.js';

const COMMAND = /^\/?travel-desk\b\s*([\s\S]*)$/i;
/** Stands for the @mentioned colleague in "remind @Kat …", whose mention markup the text no longer has. */
const MENTIONED = '@mentioned';
const EMAIL = /^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$/;

/** What the desk commands need to know about this Teams turn. */
function teamsDeskDoor(
  ctx: Pick<AppContext, 'config' | 'insights'>,
  turn: TeamsTurn,
  input: { userId: string; teamId: string | null; mention: TeamsAccount | undefined },
  hooks: { onDeskTurn?: (turn: TeamsTurn) => Promise<void> },
): DeskDoor {
  const a = turn.activity;
  const { mention } = input;
  const team = ctx.config.TEAMS_TRAVEL_DESK_TEAM_ID;
  // Times in the desk member's own zone (their activity's), DEFAULT_TIMEZONE otherwise.
  const zone = teamsTimeZone(a, ctx.config.DEFAULT_TIMEZONE);
  return {
    async refusal() {
      if (!team) return 'The travel desk is not set up here: an admin must set TEAMS_TRAVEL_DESK_TEAM_ID.';
      if (!turn.authenticated)
        return 'Travel-desk commands are off on this server: it runs Teams in local mode (TEAMS_LOCAL_MODE), without the Microsoft sign-in (MICROSOFT_APP_ID) that tells who you are.';
      if (input.teamId !== team) return 'Travel-desk commands work only in a channel of the travel desk team: @mention me there.';
      if (!(await turn.senderInTeam(team))) return 'Sorry, travel-desk commands are only for members of the travel desk team. Ask me directly about your own trips instead.';
      return null;
    },
    onAdmitted: () => hooks.onDeskTurn?.(turn) ?? Promise.resolve(),
    traveller: (token) => (token === MENTIONED && mention ? { platform: 'teams', userId: travellerId(mention) } : EMAIL.test(token) ? { email: token.toLowerCase() } : null),
    name: (traveller) => ('platform' in traveller ? (mention?.name ?? 'the traveller') : traveller.email),
    unknownTraveller: (token) => `"${token.slice(0, 40)}" is not a person (@mention them) or an email address.`,
    format: { ...PLAIN_DESK_FORMAT, instant: (iso) => formatLocalTime(iso, zone) },
    createdBy: `teams:${input.userId}`,
    keyScope: 'teams',
    async weekly(setting) {
      // "here": this desk-team channel gets the weekly post (its reference is kept in the store); "off": no weekly post.
      await ctx.insights?.setTarget('teams', setting === 'here' ? channelReference(turn.reference()) : null);
      return setting === 'here' ? 'The weekly security-team insights will be posted in this channel, on Mondays from 09:00.' : 'No more weekly insights in Teams.';
    },
  };
}

/** `onDeskTurn`: told of each command that passed the checks (the door remembers the desk's channel for unreachable-traveller notices). */
export function createTravelDeskHandler(
  ctx: Pick<AppContext, 'config' | 'conversation' | 'clock' | 'insights'>,
  hooks: { onDeskTurn?: (turn: TeamsTurn) => Promise<void> } = {},
): TeamsMessageHandler {
  return async ({ turn, text, userId, teamId }) => {
    const m = COMMAND.exec(text);
    if (!m) return false;
    // The traveller's @mention was stripped from the text; it is in the entities.
    const a = turn.activity;
    const mention = a.entities
      ?.filter((e) => e.type === 'mention')
      .map((e) => e.mentioned as TeamsAccount | undefined)
      .find((x) => x?.id && x.id !== a.recipient.id);
    let rest = m[1]!.trim();
    if (mention && /^remind\b/i.test(rest)) rest = rest.replace(/^remind\b/i, `remind ${MENTIONED}`);
    const desk = teamsDeskDoor(ctx, turn, { userId, teamId, mention }, hooks);
    const reply = await ctx.conversation.reply({
      text: `travel-desk ${rest}`,
      thread: { key: `teams:${turn.activity.conversation.id}` },
      user: { platform: 'teams', userId },
      now: ctx.clock(),
      desk,
    });
    const said = reply.notice?.type === 'desk' ? reply.notice.text : '';
    await turn.send({ type: 'message', text: said, textFormat: 'markdown' });
    return true;
  };
}
