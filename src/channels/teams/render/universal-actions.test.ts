/**
 * Our Teams buttons as Universal Actions: every button that reaches the bot is an
 * Action.Execute whose verb is the action and whose data parses as ours, with the same
 * button as Action.Submit in `fallback`, so a Teams client without Universal Actions still
 * gets a working card; suggestion buttons (imBack) stay Action.Submit. A channel card's
 * `refresh` names the people who get their own view (at most 60) and carries what rebuilds
 * the card. The details paged for one person stay under the size limit, with "Next part"
 * until the last part and "Back to the answer" always.
 */
import { describe, expect, it } from 'vitest';
import { answerFixture } from '../../../../test/fixtures/answers/answer-fixtures.js';
import { parseCardAction } from '../card-actions.js';
import { answerToActivity } from './answer-to-activity.js';
import { answerToAdaptiveCard, viewAction, type AdaptiveCard, type CardElement } from './answer-to-adaptive-card.js';
import { detailsActivities, detailsPageCard } from './details-activities.js';
import { TEAMS_LIMITS } from './limits.js';
import { utf16Bytes } from './message-size.js';
import { reminderToActivity } from './reminder-to-activity.js';

const kg = answerFixture('kyrgyzstan-next-week');
const thirteen = answerFixture('thirteen-countries');
const cardOf = (a: Record<string, unknown>) => (a.attachments as Array<{ content: AdaptiveCard }>)[0]!.content;

function expectExecuteWithSubmitFallback(action: CardElement): void {
  expect(action.type).toBe('Action.Execute');
  const data = parseCardAction(action.data);
  expect(data, `${String(action.title)} carries our data`).not.toBeNull();
  expect(action.verb).toBe(data!.ta);
  expect(action.fallback).toEqual({ type: 'Action.Submit', title: action.title, data: action.data, ...(action.style ? { style: action.style } : {}) });
}

describe('Universal Actions on Teams cards', () => {
  it('every answer button is Action.Execute with the same button as Action.Submit for older clients', () => {
    for (const card of [answerToAdaptiveCard(kg), answerToAdaptiveCard(thirteen, { details: 'follow-up' })]) {
      const buttons = (card.actions ?? []).filter((a) => a.type !== 'Action.ShowCard');
      expect(buttons.length).toBeGreaterThanOrEqual(2);
      for (const b of buttons) expectExecuteWithSubmitFallback(b);
    }
    expect(answerToAdaptiveCard(kg).actions![0]).toMatchObject({ title: 'Remind me before I go', style: 'positive', fallback: { style: 'positive' } });
  });

  it('reminder buttons too: "I\'ve done the checklist" and "Snooze" keep their trip and reminder ids either way', () => {
    const delivery = {
      trip: { id: 'trip-1', traveller: { platform: 'teams' as const, userId: 'u' }, destinations: ['KG'], start: '2026-11-30', end: null, createdBy: 'u', source: 'button' as const, acknowledgedAt: null, reminders: [] },
      reminder: { id: 'rem-1', kind: 'briefing' as const, dueAt: '2026-11-23T09:00:00Z', status: 'scheduled' as const },
      answer: kg,
      idempotencyKey: 'rem-1-0',
    };
    const [ack, snooze] = cardOf(reminderToActivity(delivery)).actions!;
    expectExecuteWithSubmitFallback(ack!);
    expectExecuteWithSubmitFallback(snooze!);
    expect(parseCardAction((ack!.fallback as CardElement).data)).toMatchObject({ ta: 'ack', tripId: 'trip-1', reminderId: 'rem-1' });
  });

  it('suggestions stay imBack submits, which only Action.Submit can send', () => {
    const typo = answerFixture('typo');
    const suggestion = (answerToAdaptiveCard(typo).actions ?? []).find((a) => String(a.title).startsWith('Did you mean'));
    expect(suggestion).toMatchObject({ type: 'Action.Submit', data: { msteams: { type: 'imBack' } } });
  });

  it('a card without refresh has none; with one, it names the viewers and carries what rebuilds the card', () => {
    expect(cardOf(answerToActivity(kg)).refresh).toBeUndefined();
    const card = cardOf(answerToActivity(kg, { refresh: { userIds: ['29:ada'] } }));
    expect(card.refresh).toEqual({
      action: { type: 'Action.Execute', title: 'Refresh', verb: 'view', data: { ta: 'view', countries: ['KG'], start: kg.trip!.start, end: kg.trip!.end } },
      userIds: ['29:ada'],
    });
    expect(parseCardAction(card.refresh!.action.data)).toEqual(viewAction(kg));
    const many = Array.from({ length: 75 }, (_, i) => `29:user-${i}`);
    expect(cardOf(answerToActivity(kg, { refresh: { userIds: many } })).refresh!.userIds).toHaveLength(TEAMS_LIMITS.maxRefreshUserIds);
  });

  it('a person\'s note shows under the outcome, on their own card only', () => {
    const note = 'Reminders arrive in your personal chat with me: open it once.';
    expect(JSON.stringify(answerToAdaptiveCard(kg, { state: { note } }).body)).toContain(note);
    expect(JSON.stringify(answerToAdaptiveCard(kg).body)).not.toContain(note);
  });

  it('pages the details for one person under the size limit: "Next part" until the last, "Back to the answer" always', () => {
    const view = viewAction(thirteen);
    const first = detailsPageCard('why', thirteen, 1, view, ['29:ada']);
    const pages = detailsActivities('why', thirteen, 8_000).length;
    expect(pages).toBeGreaterThan(1);
    expect(first.actions!.map((a) => a.title)).toEqual(['Next part', 'Back to the answer']);
    expect(parseCardAction(first.actions![0]!.data)).toMatchObject({ ta: 'details', kind: 'why', page: 2 });
    expect(parseCardAction(first.actions![1]!.data)).toEqual(view);
    expect(first.refresh!.userIds).toEqual(['29:ada']);
    const last = detailsPageCard('why', thirteen, pages, view, ['29:ada']);
    expect(last.actions!.map((a) => a.title)).toEqual(['Back to the answer']);
    expect(JSON.stringify(last)).toContain(`Part ${pages} of ${pages}`);
    // A page past the end shows the last one.
    expect(detailsPageCard('why', thirteen, 99, view, ['29:ada'])).toEqual(last);
    for (let page = 1; page <= pages; page++) expect(utf16Bytes(detailsPageCard('why', thirteen, page, view, ['29:ada']))).toBeLessThanOrEqual(TEAMS_LIMITS.recommendedMessageBytes);
  });
});
