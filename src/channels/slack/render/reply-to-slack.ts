/**
 * A conversation Reply (src/conversation/types.ts) as Slack messages: the notice first
 * (what was done: a trip planned, a checklist recorded, why not), in the copy table's words
 * with Slack's own icon for its tone, then the advice as Block Kit. Pure: times and country
 * names come in the CopyFormat (Slack date tokens in the reader's zone).
 */
import type { Notice, Reply } from '../../../conversation/types.js';
import { noticeWords, type ButtonNotice, type CopyFormat, type Tone } from '../../../render/copy.js';
import { answerToBlockKit } from './answer-to-block-kit.js';
import type { SlackBlock } from './block-parts.js';

/** How Slack shows a notice's tone. */
const ICONS: Record<Tone, string> = {
  done: ':white_check_mark: ',
  planned: ':white_check_mark: ',
  snoozed: ':zzz: ',
  warning: ':warning: ',
  refused: ':no_entry: ',
  info: '',
};

/** A notice as one line of Slack text. */
export function noticeToSlack(notice: Notice | ButtonNotice, format: CopyFormat): string {
  const { tone, text } = noticeWords(notice, format);
  return `${ICONS[tone]}${text}`;
}

export function replyToSlack(reply: Reply, format: CopyFormat): Array<{ text: string; blocks?: SlackBlock[] }> {
  const messages: Array<{ text: string; blocks?: SlackBlock[] }> = [];
  if (reply.notice) messages.push({ text: noticeToSlack(reply.notice, format) });
  if (reply.answer) messages.push(answerToBlockKit(reply.answer));
  return messages;
}
