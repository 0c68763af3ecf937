/**
 * A risk-change alert as a Teams message: the trip and what changed for each
 * destination, why (the basis, each fact with its sources as links), then the card
 * for those destinations as the new content gives it (level, key actions: what to do
 * now) with "Full checklist" and "Why this level". Held under Teams' recommended size
 * like every card (fitActivity). Pure; the Teams deliverer sends it.
 */
import type { AlertDelivery } from '../../../alerts/types.js';
import { alertHeadline, changeSentences, sourcesText, whyLines } from '../../../render/alert-words.js';
import type { TeamsOutbound } from '../teams-port.js';
import { answerToAdaptiveCard, detailsActions, text, type CardElement } from './answer-to-adaptive-card.js';
import { cardActivity } from './answer-to-activity.js';
import { fitActivity } from './message-size.js';

/** Markdown link text for Adaptive Cards: brackets would end the label early. */
const label = (s: string) => s.replace(/[[\]]/g, '');

function alertElements(alert: AlertDelivery, compact: boolean): CardElement[] {
  const out: CardElement[] = [text(`${alertHeadline(alert)}: the advice for your trip has changed.`, { weight: 'Bolder', size: 'Medium', color: 'Attention' })];
  for (const dc of alert.destinations) {
    out.push(text(dc.countryName, { weight: 'Bolder' }));
    out.push(text(changeSentences(dc, alert.answer).map((s) => `- ${s}`).join('\n'), { spacing: 'Small' }));
    const why = whyLines(alert.answer, dc);
    if (why.length && !compact) {
      const lines = why.map((w) => `- ${w.text}${w.date ? ` (${w.date})` : ''}${sourcesText(w, (s) => `[${label(s.name)}](${s.url})`)}`);
      out.push(text(`Why:\n${lines.join('\n')}`, { spacing: 'Small', isSubtle: true }));
    }
  }
  out.push(text('What to do now: the key actions below, as the new content gives them.', { weight: 'Bolder' }));
  return out;
}

/** The richest version under Teams' size limit: details inside the card, else as follow-up cards, else compact without "Why". */
export function alertToActivity(alert: AlertDelivery): TeamsOutbound {
  const summary = alertHeadline(alert);
  const render = (how: 'inline' | 'follow-up', compact: boolean) => () => {
    const card = answerToAdaptiveCard(alert.answer, { actions: false, details: 'none', compact });
    card.body.unshift(...alertElements(alert, compact));
    card.actions = [...detailsActions(alert.answer, how)];
    return cardActivity(card, summary, { summary });
  };
  return fitActivity([render('inline', false), render('follow-up', false), render('follow-up', true)]);
}
