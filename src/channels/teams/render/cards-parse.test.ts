/**
 * Every card the Teams door sends parses cleanly as Adaptive Card 1.5 with Microsoft's
 * own Adaptive Cards SDK (the renderer Teams clients use): no unknown element types,
 * no invalid property values, no duplicate ids, for every frozen answer (details inside
 * the card as Action.ShowCard, as follow-up cards, compact, with a Universal Actions
 * refresh, and the details paged for one person), reminder cards (a 13-country
 * trip included), the welcome card and status cards.
 */
import * as AC from 'adaptivecards';
import { describe, expect, it } from 'vitest';
import { ANSWER_FIXTURES, answerFixture } from '../../../../test/fixtures/answers/answer-fixtures.js';
import type { AdaptiveCard } from './answer-to-adaptive-card.js';
import { answerToAdaptiveCard, viewAction } from './answer-to-adaptive-card.js';
import { answerToActivity } from './answer-to-activity.js';
import { detailsActivities, detailsPageCard } from './details-activities.js';
import { reminderToActivity } from './reminder-to-activity.js';
import { statusActivity } from './status-activity.js';
import { welcomeActivity } from './welcome-activity.js';
import type { TeamsOutbound } from '../teams-port.js';

/** Parse and validation messages from the SDK; empty when the card is clean. */
function problems(card: AdaptiveCard): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  parsed.parse(card, context);
  const out = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
  return [...out, ...parsed.validateProperties().validationEvents.map((e) => e.message)];
}
const cardOf = (a: TeamsOutbound) => (a.attachments as Array<{ content: AdaptiveCard }>)[0]!.content;

describe('Adaptive Cards parse cleanly with the Adaptive Cards SDK (1.5)', () => {
  it('the SDK does report a broken card (so this check can fail)', () => {
    expect(problems({ type: 'AdaptiveCard', $schema: '', version: '1.5', body: [{ type: 'TextBlokk', text: 'x' }] })).not.toEqual([]);
  });

  for (const name of ANSWER_FIXTURES)
    it(`answer card: ${name}, with the details inside, as follow-ups, compact, and after an action`, () => {
      const answer = answerFixture(name);
      expect(problems(cardOf(answerToActivity(answer)))).toEqual([]);
      expect(problems(answerToAdaptiveCard(answer, { details: 'inline' }))).toEqual([]);
      expect(problems(answerToAdaptiveCard(answer, { details: 'follow-up', compact: true }))).toEqual([]);
      expect(problems(cardOf(answerToActivity(answer, { state: { acknowledgedAt: '2026-11-23T10:00:00Z' } })))).toEqual([]);
      // Universal Actions: a channel card's refresh, a person's own view, and the details paged for one person.
      const refresh = { userIds: ['29:a', '29:b'] };
      expect(problems(cardOf(answerToActivity(answer, { refresh })))).toEqual([]);
      expect(problems(cardOf(answerToActivity(answer, { refresh, state: { note: 'Reminders arrive in your personal chat.' } })))).toEqual([]);
      if (answer.destinations.length) expect(problems(detailsPageCard('why', answer, 1, viewAction(answer), ['29:a']))).toEqual([]);
      for (const kind of ['checklist', 'why'] as const) for (const a of detailsActivities(kind, answer)) expect(problems(cardOf(a))).toEqual([]);
    });

  it('reminder, welcome and status cards', () => {
    for (const name of ['kyrgyzstan-next-week', 'thirteen-countries'] as const) {
      const answer = answerFixture(name);
      const delivery = {
        trip: { id: 't', traveller: { platform: 'teams' as const, userId: 'u' }, destinations: answer.destinations.map((d) => d.countryCode), start: '2026-11-30', end: null, createdBy: 'u', source: 'button' as const, acknowledgedAt: null, reminders: [] },
        reminder: { id: 'r', kind: 'briefing' as const, dueAt: '2026-11-23T09:00:00Z', status: 'scheduled' as const },
        answer,
        idempotencyKey: 'r:0',
      };
      expect(problems(cardOf(reminderToActivity(delivery)))).toEqual([]);
    }
    expect(problems(cardOf(welcomeActivity()))).toEqual([]);
    expect(problems(cardOf(statusActivity('✅ Checklist done', 'x')))).toEqual([]);
  });
});
