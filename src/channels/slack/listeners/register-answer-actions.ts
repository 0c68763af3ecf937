/**
 * The buttons under answers and reminders: "Remind me before I go" creates a trip,
 * "I've done the checklist" records the acknowledgement, "Snooze" moves a reminder by
 * a day, "Share in channel" posts a /travel answer for everyone. Each acknowledges at
 * once and confirms to the clicker only. The clicker is `body.user` (signed by Slack),
 * never the button's value: acknowledge and snooze are refused, with the reason, unless
 * they are the trip's traveller or a travel-desk member. Times are Slack date tokens
 * with a fallback in the clicker's own zone.
 */
import type { BlockAction, ButtonAction } from '@slack/bolt';
import { StoreUnavailableError, TripActionError } from '../../../errors.js';
import type { TravellerRef, TripActor } from '../../../reminders/types.js';
import { countryNameOf } from '../../../app/build-advisor.js';
import { answerSchema } from '../../../advisor/answer.js';
import {
  ACTION_IDS,
  acknowledgeValueSchema,
  parseActionValue,
  remindValueSchema,
  shareValueSchema,
  snoozeValueSchema,
} from '../actions.js';
import { answerToBlockKit } from '../render/answer-to-block-kit.js';
import { slackDate } from '../render/slack-date.js';
import { publishHome } from './publish-home.js';
import { isDeskMember } from './register-travel-desk-command.js';
import type { SlackDeps, SlackListener } from './slack-listener.js';
import { tellClicker, type ButtonArgs } from './tell-clicker.js';

const SNOOZE_MS = 24 * 60 * 60 * 1000;
const KIND_TITLES = { briefing: 'pre-trip briefing', 'day-before': 'day-before check', 'post-trip': 'post-trip clean-up' } as const;

function traveller(args: ButtonArgs): TravellerRef {
  return { platform: 'slack', userId: args.body.user.id };
}

/** The clicker, who may also act on other people's trips when they belong to the travel desk. */
function actor(args: ButtonArgs, deps: SlackDeps): TripActor {
  const desk = { usergroup: deps.ctx.config.SLACK_TRAVEL_DESK_USERGROUP, channel: deps.ctx.config.SLACK_TRAVEL_DESK_CHANNEL };
  return { platform: 'slack', userId: args.body.user.id, isDeskMember: async () => (await isDeskMember(args.client, desk, args.body.user.id)) === true };
}

/** Runs a trip action; a refusal (not theirs, or nothing left to do) is told to the clicker instead. */
async function orRefusal(args: ButtonArgs, action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    if (error instanceof StoreUnavailableError) return tellClicker(args, `:warning: ${error.userMessage}`);
    if (!(error instanceof TripActionError)) throw error;
    await tellClicker(args, `:no_entry: ${error.message}`);
  }
}

function names(deps: SlackDeps, codes: string[]): string {
  return codes.map((c) => deps.ctx.advisor.content.countries.get(c)?.name ?? countryNameOf(c)).join(', ');
}

export const registerAnswerActions: SlackListener = (app, deps) => {
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.remind, async (args) => {
    await args.ack();
    const value = parseActionValue(remindValueSchema, args.action.value);
    if (!value) return tellClicker(args, 'That button no longer works; ask about the trip again.');
    const userId = args.body.user.id;
    let trip;
    try {
      trip = await deps.ctx.reminders.createTrip({
        traveller: traveller(args),
        destinations: value.d,
        start: value.s,
        end: value.e,
        createdBy: userId,
        source: 'button',
        idempotencyKey: `slack:${args.body.team?.id ?? ''}:${userId}:${value.d.join('+')}:${value.s}`,
      });
    } catch (error) {
      // Never "saved" when it was not.
      if (error instanceof StoreUnavailableError) return tellClicker(args, `:warning: ${error.userMessage}`);
      throw error;
    }
    const zone = await deps.zones.of(userId);
    const when = trip.reminders.map((r) => `${KIND_TITLES[r.kind]} ${slackDate(r.dueAt, zone)}`).join(', ');
    await tellClicker(
      args,
      `:white_check_mark: Trip to ${names(deps, trip.destinations)} from ${trip.start} saved. I will remind you${when ? `: ${when}` : ' before you go'}.`,
    );
    // Keep the Home tab's trip list current; a failure here must not undo the confirmation.
    await publishHome(deps, args.client, userId, args.context.botUserId).catch((error: unknown) =>
      deps.logger.warn({ err: { message: error instanceof Error ? error.message : String(error) } }, 'Home tab refresh failed'),
    );
  });

  app.action<BlockAction<ButtonAction>>(ACTION_IDS.acknowledge, async (args) => {
    await args.ack();
    const value = parseActionValue(acknowledgeValueSchema, args.action.value) ?? {};
    await orRefusal(args, async () => {
      const trip = await deps.ctx.reminders.acknowledge({ tripId: value.t, reminderId: value.r, traveller: actor(args, deps) });
      await tellClicker(
        args,
        trip
          ? `:white_check_mark: Thanks, noted that you have done the checklist for ${names(deps, trip.destinations)}.`
          : ':white_check_mark: Thanks, noted. (No planned trip to record it on: press "Remind me before I go" under an answer to plan one.)',
      );
    });
  });

  app.action<BlockAction<ButtonAction>>(ACTION_IDS.snooze, async (args) => {
    await args.ack();
    const value = parseActionValue(snoozeValueSchema, args.action.value);
    const until = new Date(deps.ctx.clock().getTime() + SNOOZE_MS);
    await orRefusal(args, async () => {
      const trip = value ? await deps.ctx.reminders.snooze({ tripId: value.t, reminderId: value.r, until, traveller: actor(args, deps) }) : null;
      const zone = await deps.zones.of(args.body.user.id);
      await tellClicker(args, trip ? `:zzz: Snoozed until ${slackDate(until, zone)}.` : 'That reminder no longer exists.');
    });
  });

  app.action<BlockAction<ButtonAction>>(ACTION_IDS.share, async (args) => {
    await args.ack();
    const value = parseActionValue(shareValueSchema, args.action.value);
    // Parsed, so an answer stored before a field was added still renders (new fields take their defaults).
    const stored = answerSchema.safeParse(value ? await deps.answers.get(value.a) : undefined);
    if (!stored.success) return tellClicker(args, 'That answer has expired; ask again with /travel.');
    const answer = stored.data;
    const message = answerToBlockKit(answer, { intro: `<@${args.body.user.id}> shared this travel advice:` });
    await args.respond({ response_type: 'in_channel', replace_original: false, ...message });
    await args.respond({ delete_original: true });
  });
};
