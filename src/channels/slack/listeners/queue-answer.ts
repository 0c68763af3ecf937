/**
 * The acknowledging side of scale-out (ANSWER_WORKERS=external): an admitted message is
 * handed to the answers queue as it arrived, with no understanding or rendering here;
 * a `travel-advisor worker` answers it (answer-worker.ts). When the queue cannot take it
 * (Redis down or slow), the user is told at once rather than left waiting, through the JSON
 * poster as every answer-path post (create-slack-poster.ts: the same retry and 429 handling).
 */
import { asAdvisorError } from '../../../errors.js';
import { FALLBACK } from '../../../render/copy.js';
import type { ReplyTarget } from './reply-with-answer.js';
import type { SlackDeps } from './slack-listener.js';

export async function queueAnswer(deps: SlackDeps, target: ReplyTarget, threadTs: string): Promise<void> {
  try {
    await deps.answerQueue!.enqueue({
      team: target.team, channel: target.channel, ts: target.ts, threadTs: target.threadTs, dm: target.dm, text: target.text, userId: target.userId,
    });
  } catch (error) {
    const e = asAdvisorError(error);
    deps.logger.error({ err: { code: e.code, name: e.name } }, 'Slack answer not queued');
    await deps.poster.postMessage({ channel: target.channel, thread_ts: threadTs, text: FALLBACK.somethingWentWrong(deps.ctx.config.SECURITY_CONTACT) });
  }
}
