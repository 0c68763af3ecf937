/**
 * 👍/👎 under an AI-written summary (Block Kit `feedback_buttons`, ai-feedback-blocks.ts):
 * acknowledged at once, stored without any text (the answer's fingerprint, its
 * destinations and summariser, the rating; the clicker only as a salted hash that keeps
 * one vote per person and answer), then thanked, to the clicker only. Slack's buttons
 * toggle and send every change, so the latest vote stands. A malformed value is
 * ignored; a vote the store could not keep is said to be lost, never thanked for.
 */
import type { AllMiddlewareArgs, BlockAction, FeedbackButtonsAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { StoreUnavailableError } from '../../../errors.js';
import { FALLBACK } from '../../../render/copy.js';
import { ACTION_IDS, feedbackValueSchema, parseActionValue } from '../actions.js';
import type { SlackListener } from './slack-listener.js';
import { tellClicker, type ButtonArgs } from './tell-clicker.js';

type FeedbackArgs = SlackActionMiddlewareArgs<BlockAction<FeedbackButtonsAction>> & AllMiddlewareArgs;

export const registerFeedbackAction: SlackListener = (app, deps) => {
  app.action<BlockAction<FeedbackButtonsAction>>(ACTION_IDS.feedback, async (args: FeedbackArgs) => {
    await args.ack();
    const value = parseActionValue(feedbackValueSchema, args.action.value);
    if (!value) return;
    // tellClicker reads only the body's user, channel, message and container, which feedback payloads carry as buttons do.
    const clicker = args as unknown as ButtonArgs;
    const user = args.body.user;
    try {
      await deps.feedback.record({
        platform: 'slack',
        voter: `${user.team_id ?? args.body.team?.id ?? ''}:${user.id}`,
        answer: value.a,
        rating: value.r === 'up' ? 'positive' : 'negative',
        destinations: value.d.filter((c) => deps.ctx.advisor.content.world.has(c)),
        summaryMethod: value.m,
      });
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      return tellClicker(clicker, `:warning: ${FALLBACK.feedbackNotSaved}`);
    }
    await tellClicker(
      clicker,
      value.r === 'up'
        ? 'Thanks for the feedback: glad the summary helped.'
        : `Thanks for the feedback: noted that the summary did not help. The checklist and sources still apply; for anything unclear, ask ${deps.ctx.config.SECURITY_CONTACT}.`,
    );
  });
};
