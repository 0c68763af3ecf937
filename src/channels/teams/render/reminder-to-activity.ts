/**
 * A scheduled reminder as a Teams message: what the reminder is about, each
 * destination's level, the trip's merged checklist for the phase that matters now, and
 * the buttons "I've done the checklist", "Snooze", "Full checklist" and "Why this level"
 * (Universal Actions with an Action.Submit fallback, card-parts.ts).
 * Held under TEAMS_LIMITS.recommendedMessageBytes like every answer (fitActivity), a
 * 13-country trip included. Pure; the reminders scheduler calls it through the Teams
 * deliverer.
 */
import type { Delivery } from '../../../reminders/types.js';
import type { TeamsOutbound } from '../teams-port.js';
import { answerToAdaptiveCard, detailsActions, text, type AdaptiveCardOptions } from './answer-to-adaptive-card.js';
import { executeAction } from './card-parts.js';
import { cardActivity } from './answer-to-activity.js';
import { fitActivity } from './message-size.js';
import { SNOOZE_HOURS } from '../../../reminders/types.js';
import { REMINDER_KINDS, reminderHeadline } from '../../../render/copy.js';


function headline(delivery: Delivery): string {
  const { trip, reminder } = delivery;
  const names = delivery.answer.destinations.map((d) => d.countryName).join(', ') || trip.destinations.join(', ');
  // The copy table's headline (src/render/copy.ts), as every door words it.
  const { lead, rest } = reminderHeadline(reminder.kind, names, trip.start);
  return `${lead} ${rest}`;
}

export function reminderToActivity(delivery: Delivery): TeamsOutbound {
  const { trip, reminder, answer } = delivery;
  const phases = REMINDER_KINDS[reminder.kind].phases;
  const render = (how: 'inline' | 'follow-up', compact: boolean) => () => {
    const options: AdaptiveCardOptions = { actions: false, details: 'none', compact, phases: [...phases] };
    const card = answerToAdaptiveCard(answer, options);
    card.body.unshift(text(headline(delivery), { weight: 'Bolder', size: 'Medium' }));
    card.actions = [
      executeAction("I've done the checklist", { ta: 'ack', tripId: trip.id, reminderId: reminder.id, countries: trip.destinations.slice(0, 20), start: null, end: null }, 'positive'),
      executeAction('Snooze', { ta: 'snooze', tripId: trip.id, reminderId: reminder.id, hours: SNOOZE_HOURS }),
      ...detailsActions(answer, how),
    ];
    return cardActivity(card, headline(delivery), { summary: headline(delivery) });
  };
  return fitActivity([render('inline', false), render('follow-up', false), render('follow-up', true)]);
}
