/**
 * The buttons under answers and reminders: "Remind me before I go", "I've done the
 * checklist" and "Snooze" go to the one trip-action handler every door uses
 * (src/conversation/act-on-trip.ts); "Share in channel" posts a /travel answer for
 * everyone. Each acknowledges at once and confirms to the clicker only, in the copy
 * table's words. The clicker is `body.user` (signed by Slack), never the button's value:
 * acknowledge and snooze are refused, with the reason, unless they are the trip's
 * traveller or a travel-desk member. Times are Slack date tokens with a fallback in the
 * clicker's own zone.
 */
import type { BlockAction, ButtonAction } from '@slack/bolt';
import { answerSchema } from '../../../advisor/answer.js';
import { copyFormat } from '../../../app/copy-format.js';
import type { TripAction } from '../../../conversation/act-on-trip.js';
import { ACTION_IDS, acknowledgeValueSchema, parseActionValue, remindValueSchema, shareValueSchema, snoozeValueSchema } from '../actions.js';
import { answerToBlockKit, sharedIntro } from '../render/answer-to-block-kit.js';
import { noticeToSlack } from '../render/reply-to-slack.js';
import { slackDate } from '../render/slack-date.js';
import { publishHome } from './publish-home.js';
import { slackUser } from './reply-with-answer.js';
import type { SlackDeps, SlackListener } from './slack-listener.js';
import { tellClicker, type ButtonArgs } from './tell-clicker.js';

/** Reads each trip button's value into the one handler's action; null when the value is not ours. */
const READ: Record<string, (value: string | undefined) => TripAction | null> = {
  [ACTION_IDS.remind]: (raw) => {
    const v = parseActionValue(remindValueSchema, raw);
    return v && { kind: 'remind', destinations: v.d, start: v.s, end: v.e };
  },
  [ACTION_IDS.acknowledge]: (raw) => {
    const v = parseActionValue(acknowledgeValueSchema, raw) ?? {};
    return { kind: 'acknowledge', ...(v.t ? { tripId: v.t } : {}), ...(v.r ? { reminderId: v.r } : {}) };
  },
  [ACTION_IDS.snooze]: (raw) => {
    const v = parseActionValue(snoozeValueSchema, raw);
    return v && { kind: 'snooze', tripId: v.t, reminderId: v.r };
  },
};

async function onTripButton(deps: SlackDeps, args: ButtonArgs): Promise<void> {
  await args.ack();
  const userId = args.body.user.id;
  const zone = await deps.zones.of(userId);
  const format = copyFormat(deps.ctx, (iso) => slackDate(iso, zone));
  const action = READ[args.action.action_id]?.(args.action.value) ?? null;
  if (!action) return tellClicker(args, noticeToSlack({ type: 'gone', what: 'button' }, format));
  const outcome = await deps.ctx.conversation.act(slackUser(deps, args.client, userId), action);
  await tellClicker(args, noticeToSlack(outcome.notice, format));
  if (outcome.kind !== 'planned') return;
  // Keep the Home tab's trip list current; a failure here must not undo the confirmation.
  await publishHome(deps, args.client, userId, { botUserId: args.context.botUserId, timeZone: zone }).catch((error: unknown) =>
    deps.logger.warn({ err: { message: error instanceof Error ? error.message : String(error) } }, 'Home tab refresh failed'),
  );
}

export const registerAnswerActions: SlackListener = (app, deps) => {
  for (const id of [ACTION_IDS.remind, ACTION_IDS.acknowledge, ACTION_IDS.snooze]) app.action<BlockAction<ButtonAction>>(id, (args) => onTripButton(deps, args));

  app.action<BlockAction<ButtonAction>>(ACTION_IDS.share, async (args) => {
    await args.ack();
    const value = parseActionValue(shareValueSchema, args.action.value);
    // Parsed, so an answer stored before a field was added still renders (new fields take their defaults).
    const stored = answerSchema.safeParse(value ? await deps.answers.get(value.a) : undefined);
    if (!stored.success) return tellClicker(args, noticeToSlack({ type: 'gone', what: 'answer' }, copyFormat(deps.ctx, (iso) => iso)));
    const message = answerToBlockKit(stored.data, { intro: sharedIntro(args.body.user.id) });
    await args.respond({ response_type: 'in_channel', replace_original: false, ...message });
    await args.respond({ delete_original: true });
  });
};
