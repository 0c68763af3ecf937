/**
 * Mention and DM answers: show "thinking" in the agent status, ask the advisor in the
 * asker's own time zone, post the rendered Answer in the thread. Failures become a
 * short, polite reply; the cause goes to the log without the user's text.
 */
import type { webApi } from '@slack/bolt';
import type { Answer } from '../../../advisor/answer.js';
import { InputError, asAdvisorError } from '../../../errors.js';
import { answerToBlockKit } from '../render/answer-to-block-kit.js';
import type { Admission } from '../create-work-queue.js';
import type { SlackDeps } from './slack-listener.js';
import { stripMarkup } from '../../../understand/strip-markup.js';

export const THINKING_STATUS = {
  status: 'is thinking…',
  loading_messages: ['Looking up the destination…', 'Checking the surveillance indicators…', 'Putting your checklist together…'],
};

/** Plain text of a Slack message: the one markup stripper the understander uses too. */
export function cleanSlackText(text: string | undefined): string {
  return stripMarkup(text ?? '');
}

/** Asks the advisor in the user's own zone (so "next week" is theirs); an empty message is a request for help. */
export async function askAdvisor(deps: SlackDeps, text: string, timeZone: string): Promise<Answer> {
  const { ctx } = deps;
  return ctx.advisor.ask(text || 'help', { now: ctx.clock(), timeZone });
}

/** The reply for an error: what the user can do, never a stack trace. */
export function errorReply(error: unknown, deps: SlackDeps): string {
  if (error instanceof InputError) return error.message;
  const e = asAdvisorError(error);
  deps.logger.error({ err: { code: e.code, name: e.name, message: e.message } }, 'Slack answer failed');
  return `Sorry, something went wrong while preparing the advice. Please try again, or ask ${deps.ctx.config.SECURITY_CONTACT}.`;
}

export interface ReplyTarget {
  client: webApi.WebClient;
  channel: string;
  threadTs: string;
  text: string;
  /** Who asked: their users.info zone dates the question. */
  userId?: string;
  setStatus?: (status: typeof THINKING_STATUS) => Promise<unknown>;
  /** The message's place in the answer queue (admissionOf in middleware.ts); null when full. */
  admission: Admission | null;
}

/** Said when the work queue is full, instead of silence. */
export const BUSY_REPLY = 'I am answering a lot of questions right now. Please ask again in a minute.';

/** Queues the answer after the ack; when the queue is full, says so at once. */
export async function replyWithAnswer(deps: SlackDeps, target: ReplyTarget): Promise<void> {
  if (target.admission) return target.admission.run(() => prepareAndPost(deps, target));
  deps.logger.warn({ messages: deps.work.messages, queued: deps.work.size }, 'Slack work queue full; sent a busy reply');
  await target.client.chat.postMessage({ channel: target.channel, thread_ts: target.threadTs, text: BUSY_REPLY });
}

async function prepareAndPost(deps: SlackDeps, target: ReplyTarget): Promise<void> {
  const { client, channel, threadTs } = target;
  // The status is a nicety: a workspace without the agent view must still get the answer.
  await target.setStatus?.(THINKING_STATUS).catch((error: unknown) => deps.logger.debug({ err: { message: String(error) } }, 'setStatus failed'));
  let message: { text: string; blocks?: ReturnType<typeof answerToBlockKit>['blocks'] };
  try {
    message = answerToBlockKit(await askAdvisor(deps, target.text, await deps.zones.of(target.userId)));
  } catch (error) {
    message = { text: errorReply(error, deps) };
  }
  await client.chat.postMessage({ channel, thread_ts: threadTs, unfurl_links: false, unfurl_media: false, ...message });
}
