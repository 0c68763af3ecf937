/**
 * Every card the Teams door sends parses cleanly as Adaptive Card 1.5 with Microsoft's
 * own Adaptive Cards SDK (the renderer Teams clients use): no unknown element types,
 * no invalid property values, no duplicate ids, for answers of every shape, reminder
 * cards, the welcome card and status cards.
 */
import * as AC from 'adaptivecards';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../../advisor/answer.js';
import { buildAdvisor } from '../../../app/build-advisor.js';
import { loadConfig } from '../../../config.js';
import type { AdaptiveCard } from './answer-to-adaptive-card.js';
import { answerToActivity } from './answer-to-activity.js';
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

const answers: Record<string, Answer> = {};
beforeAll(async () => {
  const advisor = buildAdvisor(loadConfig({}));
  const now = new Date('2026-11-23T09:00:00Z');
  answers.trip = await advisor.ask('travelling to Kyrgyzstan next week', { now });
  answers.twoCountries = await advisor.ask('going to Kazakhstan and Kyrgyzstan from 1 to 10 December', { now });
  answers.uncovered = await advisor.answerForCountries(['IS']);
  answers.topic = await advisor.ask('what is SORM?', { now });
  answers.help = await advisor.ask('help', { now });
  answers.typo = await advisor.ask('travelling to Kyrgystan', { now });
});

describe('Adaptive Cards parse cleanly with the Adaptive Cards SDK (1.5)', () => {
  it('the SDK does report a broken card (so this check can fail)', () => {
    expect(problems({ type: 'AdaptiveCard', $schema: '', version: '1.5', body: [{ type: 'TextBlokk', text: 'x' }] })).not.toEqual([]);
  });

  for (const name of ['trip', 'twoCountries', 'uncovered', 'topic', 'help', 'typo'])
    it(`answer card: ${name}`, () => {
      expect(problems(cardOf(answerToActivity(answers[name]!)))).toEqual([]);
      expect(problems(cardOf(answerToActivity(answers[name]!, { state: { acknowledgedAt: '2026-11-23T10:00:00Z' } })))).toEqual([]);
    });

  it('reminder, welcome and status cards', () => {
    const delivery = {
      trip: { id: 't', traveller: { platform: 'teams' as const, userId: 'u' }, destinations: ['KG'], start: '2026-11-30', end: null, createdBy: 'u', source: 'button' as const, acknowledgedAt: null, reminders: [] },
      reminder: { id: 'r', kind: 'briefing' as const, dueAt: '2026-11-23T09:00:00Z', status: 'scheduled' as const },
      answer: answers.trip!,
      idempotencyKey: 'r:0',
    };
    expect(problems(cardOf(reminderToActivity(delivery)))).toEqual([]);
    expect(problems(cardOf(welcomeActivity()))).toEqual([]);
    expect(problems(cardOf(statusActivity('✅ Checklist done', 'x')))).toEqual([]);
  });
});
