/**
 * Mentions and DMs: the message becomes one conversation Turn (Slack's markup removed,
 * the thread as team+channel+thread, the asker's own zone), prepared on the work queue
 * after the ack, and the Reply is posted in the thread: a notice (trip planned, checklist
 * recorded) and/or the advice. The "thinking" status is shown only when a model will
 * write the answer (the conversation service decides). Failures become a short, polite
 * reply; the cause goes to the log without the user's text.
 */
import type { webApi } from '@slack/bolt';
import { copyFormat } from '../../../app/copy-format.js';
import type { ThreadRef, Turn, TurnUser } from '../../../conversation/types.js';
import { InputError, asAdvisorError } from '../../../errors.js';
import { FALLBACK } from '../../../render/copy.js';
import type { Admission } from '../create-work-queue.js';
import { normaliseSlackText } from '../normalise-slack-text.js';
import { replyToSlack } from '../render/reply-to-slack.js';
import { slackDate } from '../render/slack-date.js';
import { queueAnswer } from './queue-answer.js';
import { isDeskMember } from './register-travel-desk-command.js';
import type { SlackDeps } from './slack-listener.js';

export const THINKING_STATUS = {
  status: 'is thinking…',
  loading_messages: ['Looking up the destination…', 'Checking the surveillance indicators…', 'Putting your checklist together…'],
};

/** A Slack user as the conversation and the trip rules see them: desk members may act on others' trips. */
export function slackUser(deps: SlackDeps, client: webApi.WebClient, userId: string): TurnUser {
  const desk = { usergroup: deps.ctx.config.SLACK_TRAVEL_DESK_USERGROUP, channel: deps.ctx.config.SLACK_TRAVEL_DESK_CHANNEL };
  return { platform: 'slack', userId, isDeskMember: async () => (await isDeskMember(client, desk, userId)) === true };
}

/**
 * A Slack thread's memory key: team, channel and thread; a DM's top-level messages continue
 * the DM. `fresh`: the message is top-level (no thread_ts), so the thread it names by its own
 * ts cannot have memory yet.
 */
export function slackThread(team: string, channel: string, threadTs: string, dm: boolean, fresh = false): ThreadRef {
  return { key: `slack:${team}:${channel}:${threadTs}`, ...(dm ? { parent: `slack:${team}:${channel}` } : {}), ...(fresh ? { fresh } : {}) };
}

/** The reply for an error: what the user can do, never a stack trace. */
export function errorReply(error: unknown, deps: SlackDeps): string {
  if (error instanceof InputError) return error.message;
  const e = asAdvisorError(error);
  deps.logger.error({ err: { code: e.code, name: e.name, message: e.message } }, 'Slack answer failed');
  return FALLBACK.somethingWentWrong(deps.ctx.config.SECURITY_CONTACT);
}

/** Said when the work queue is full, instead of silence. */
export const BUSY_REPLY = FALLBACK.busy;

/** A turn's Reply as Slack messages; an error as one polite message. */
export async function slackReplyTo(deps: SlackDeps, turn: Omit<Turn, 'timeZone'>): Promise<Array<{ text: string; blocks?: object[] }>> {
  // "next week" is the asker's own next week; times are Slack date tokens with a fallback in their zone.
  const zone = await deps.zones.of(turn.user.userId);
  try {
    const reply = await deps.ctx.conversation.reply({ ...turn, timeZone: zone, now: deps.ctx.clock() });
    return replyToSlack(reply, copyFormat(deps.ctx, (iso) => slackDate(iso, zone)));
  } catch (error) {
    return [{ text: errorReply(error, deps) }];
  }
}

export interface ReplyTarget {
  client: webApi.WebClient;
  team: string;
  channel: string;
  /** The message's own ts, and its thread's when it was written in one. */
  ts: string;
  threadTs?: string;
  /** A direct message (its top-level messages share the DM's memory). */
  dm: boolean;
  text: string | undefined;
  userId: string;
  setStatus?: (status: typeof THINKING_STATUS) => Promise<unknown>;
  /** The message's place in the answer queue (admissionOf in middleware.ts); null when full. */
  admission: Admission | null;
}

/** Queues the one job for this message after the ack; when the queue is full, says so at once. */
export async function replyWithAnswer(deps: SlackDeps, target: ReplyTarget): Promise<void> {
  const threadTs = target.threadTs ?? target.ts;
  // Scale-out hook: with ANSWER_WORKERS=external a worker process answers (queue-answer.ts).
  if (target.admission) return target.admission.run(() => (deps.answerQueue ? queueAnswer(deps, target, threadTs) : prepareAndPost(deps, target, threadTs)));
  deps.logger.warn({ messages: deps.work?.messages, queued: deps.work?.size }, 'Slack work queue full; sent a busy reply');
  await deps.poster.postMessage({ channel: target.channel, thread_ts: threadTs, text: BUSY_REPLY });
}

/** Prepares and posts the answer: here after the ack, or in a `travel-advisor worker` (answer-worker.ts). */
export async function prepareAndPost(deps: SlackDeps, target: ReplyTarget, threadTs: string): Promise<void> {
  const { client, channel } = target;
  const messages = await slackReplyTo(deps, {
    // A bare mention asks what the bot does.
    text: normaliseSlackText(target.text) || 'help',
    thread: slackThread(target.team, channel, threadTs, target.dm, target.threadTs === undefined),
    user: slackUser(deps, client, target.userId),
    // The status is a nicety: a workspace without the agent view must still get the answer.
    onModelPath: () => target.setStatus?.(THINKING_STATUS).catch((error: unknown) => deps.logger.debug({ err: { message: String(error) } }, 'setStatus failed')) ?? Promise.resolve(),
  });
  for (const message of messages) await deps.poster.postMessage({ channel, thread_ts: threadTs, unfurl_links: false, unfurl_media: false, ...message } as never);
}
