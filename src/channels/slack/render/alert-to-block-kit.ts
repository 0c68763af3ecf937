/**
 * A risk-change alert as a Slack DM: why it arrives (the trip and what changed for
 * each destination), why the level now stands where it does (the basis, each fact
 * with its sources as links), then the answer for those destinations as the new
 * content gives it (level, key actions: what to do now) and the buttons "Full
 * checklist" and "Why this level". Pure; used by the Slack deliverer.
 */
import type { AlertDelivery } from '../../../alerts/types.js';
import { alertHeadline, alertToText, changeSentences, sourcesText, whyLines } from '../../../render/alert-words.js';
import { SLACK_LIMITS } from '../limits.js';
import { answerToBlockKit, type SlackMessage } from './answer-to-block-kit.js';
import { clamp, escapeMrkdwn, link } from './mrkdwn.js';

/** `{ text, blocks }` for chat.postMessage; `text` is the whole alert in plain words for notifications and screen readers. */
export function alertToBlockKit(alert: AlertDelivery): SlackMessage {
  const lines = [`:rotating_light: *${escapeMrkdwn(alertHeadline(alert))}*: the advice for your trip has changed.`];
  for (const dc of alert.destinations) {
    lines.push('', `*${escapeMrkdwn(dc.countryName)}*`, ...changeSentences(dc, alert.answer).map((s) => `• ${escapeMrkdwn(s)}`));
    const why = whyLines(alert.answer, dc);
    if (why.length) {
      lines.push('_Why:_');
      for (const w of why) lines.push(`• ${escapeMrkdwn(w.text)}${w.date ? ` (${escapeMrkdwn(w.date)})` : ''}${sourcesText(w, (s) => link(s.url, s.name))}`);
    }
  }
  lines.push('', '*What to do now:* the key actions below, as the new content gives them.');
  const message = answerToBlockKit(alert.answer, { intro: lines.join('\n'), remind: false, acknowledge: false });
  return { ...message, text: clamp(alertToText(alert), SLACK_LIMITS.fallbackText) };
}
