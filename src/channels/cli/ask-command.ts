/**
 * `travel-advisor ask`: one message from the arguments, or one per line from
 * standard input with --jsonl (an evaluation run: one JSON Answer per line, in order,
 * and `{"error": …}` for a bad line without stopping).
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Advisor, AskOptions } from '../../advisor/create-advisor.js';
import { AdvisorError, InputError, asAdvisorError } from '../../errors.js';
import { answerToText } from '../../render/answer-to-text.js';
import { createConversation } from '../../conversation/create-conversation.js';
import { noticeWords } from '../../render/copy.js';
import { copyFormatOf } from '../../app/copy-format.js';
import { formatLocalTime } from '../../render/local-time.js';

export interface AskFlags {
  json?: boolean;
  jsonl?: boolean;
  now?: string;
  tz?: string;
  /** BCP 47 ("en-US", "en-GB"): how "1/12" reads. */
  locale?: string;
  /** Everything: indicators with evidence, the whole checklist, sources with addresses. Default: one screen. */
  full?: boolean;
}

export function parseAskOptions(flags: AskFlags, defaultZone: string): AskOptions {
  const options: AskOptions = { timeZone: defaultZone };
  if (flags.now !== undefined) {
    const now = new Date(flags.now);
    if (!/^\d{4}-\d{2}-\d{2}/.test(flags.now) || Number.isNaN(now.getTime()))
      throw new InputError(`--now must be an ISO 8601 date-time such as 2026-11-23T09:00:00Z (got "${flags.now.slice(0, 40)}")`);
    options.now = now;
  }
  if (flags.tz !== undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: flags.tz });
    } catch {
      throw new InputError(`--tz must be an IANA time zone such as Europe/Berlin (got "${flags.tz.slice(0, 40)}")`);
    }
    options.timeZone = flags.tz;
  }
  if (flags.locale !== undefined) {
    try {
      options.locale = Intl.getCanonicalLocales(flags.locale)[0];
    } catch {
      throw new InputError(`--locale must be a BCP 47 locale such as en-GB or en-US (got "${flags.locale.slice(0, 40)}")`);
    }
  }
  return options;
}

/**
 * One message through the conversation service, as a chat door would send it: no thread
 * (each run stands alone) and no reminders (the terminal cannot deliver them, and says so
 * for "remind me" and "I've done the checklist"). `--json` prints the Answer; a reply
 * with no advice prints `{"kind", "notice": {"tone", "text"}}`.
 */
export async function runAsk(
  advisor: Advisor,
  message: string,
  flags: AskFlags,
  options: AskOptions,
  out: Writable,
  contact = 'your security team',
): Promise<void> {
  const conversation = createConversation({ advisor, reminders: null, memory: null, clock: () => options.now ?? new Date(), modelSummaries: false });
  const reply = await conversation.reply({ text: message, thread: { key: 'cli' }, user: { platform: 'cli', userId: 'cli' }, ...options });
  const format = copyFormatOf(advisor, contact, (iso) => formatLocalTime(iso, options.timeZone ?? 'UTC'));
  const notice = reply.notice ? noticeWords(reply.notice, format) : null;
  if (flags.json) {
    out.write(`${JSON.stringify(reply.answer ?? { kind: reply.kind, notice }, null, 2)}\n`);
    return;
  }
  if (notice) out.write(`${notice.text}\n`);
  if (reply.answer) out.write(`${answerToText(reply.answer, { detail: flags.full ? 'full' : 'brief' })}\n`);
}

/** Reads lines until EOF; each line's result is written before the next is read, so order holds. */
export async function runAskJsonl(advisor: Advisor, options: AskOptions, input: Readable, out: Writable): Promise<{ ok: number; failed: number }> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let ok = 0;
  let failed = 0;
  for await (const line of lines) {
    try {
      const answer = await advisor.ask(line, options);
      out.write(`${JSON.stringify(answer)}\n`);
      ok++;
    } catch (error) {
      const e = asAdvisorError(error);
      out.write(`${JSON.stringify({ error: e instanceof AdvisorError && e.code !== 'INTERNAL' ? e.message : 'internal error' })}\n`);
      failed++;
    }
  }
  return { ok, failed };
}
