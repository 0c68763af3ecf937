/**
 * The security-team insights computed from day counts, the real content base, trips and
 * feedback counts: destinations by the tier they had when asked and the one they have
 * now, the most-asked ones without a full assessment, unanswered subjects by name (never
 * a question), drafts and overdue reviews as the review queue, acknowledgement rates per
 * destination (the playground's test user left out), feedback totals; and the text the
 * chat doors send, escaped by the door's format.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../content/load-content.js';
import { countFeedback } from '../feedback/count-feedback.js';
import type { TripView } from '../reminders/types.js';
import { collectInsights } from './collect-insights.js';
import { addQuestion, emptyDay, sumDays } from './day-counts.js';
import { renderInsights } from './render-insights.js';

const content = loadContent(resolve(import.meta.dirname, '../../content'));
const NOW = new Date('2026-11-23T10:00:00Z');

function days() {
  const a = emptyDay('2026-11-20');
  const b = emptyDay('2026-11-23');
  for (let i = 0; i < 3; i++) addQuestion(a, { intent: 'trip', destinations: [{ countryCode: 'KZ', coverage: 'assessed' }], gaps: [] });
  addQuestion(b, { intent: 'country', destinations: [{ countryCode: 'AM', coverage: 'assessed' }], gaps: [{ kind: 'nothing-on', subject: 'messaging', countryCode: 'AM' }] });
  for (let i = 0; i < 2; i++) addQuestion(b, { intent: 'trip', destinations: [{ countryCode: 'BV', coverage: 'not-assessed' }, { countryCode: 'FR', coverage: 'screened' }], gaps: [] });
  addQuestion(b, { intent: 'topic', destinations: [{ countryCode: 'KZ', coverage: 'assessed' }], gaps: [{ kind: 'out-of-scope', subject: 'visas', countryCode: null }] });
  // A subject id that is not one is never stored as given.
  addQuestion(b, { intent: 'topic', destinations: [], gaps: [{ kind: 'no-content', subject: 'What is the best pizza?', countryCode: null }] });
  return [a, b];
}

const trip = (id: string, destinations: string[], briefing: 'sent' | 'scheduled', acknowledgedAt: string | null, source: TripView['source'] = 'api'): TripView => ({
  id, traveller: { platform: 'slack', userId: `U-${id}` }, destinations, start: '2026-12-01', end: '2026-12-05', createdBy: 'desk', source, acknowledgedAt,
  reminders: [{ id: `${id}-b`, kind: 'briefing', dueAt: '2026-11-24T09:00:00.000Z', status: briefing }],
});

describe('collectInsights', () => {
  it('counts destinations by tier, lists the most-asked ones without a full assessment and the unanswered subjects', async () => {
    const insights = collectInsights({
      period: { from: '2026-11-17', to: '2026-11-23' }, days: days(), content, trips: [], feedback: await countFeedback([]), now: NOW, staleDays: 180,
    });
    expect(insights.period).toEqual({ from: '2026-11-17', to: '2026-11-23', days: 7 });
    expect(insights.questions.total).toBe(8);
    expect(insights.questions.byIntent).toEqual({ trip: 5, country: 1, topic: 2 });
    expect(insights.questions.byTier).toEqual({ assessed: 5, screened: 2, 'not-assessed': 2 });
    expect(insights.destinations.map((d) => [d.countryCode, d.asked, d.tier])).toEqual([['KZ', 4, 'assessed'], ['BV', 2, 'not-assessed'], ['FR', 2, 'screened'], ['AM', 1, 'assessed']]);
    expect(insights.notAssessed).toEqual([
      { countryCode: 'BV', countryName: 'Bouvet Island', tier: 'not-assessed', asked: 2 },
      { countryCode: 'FR', countryName: 'France', tier: 'screened', asked: 2 },
    ]);
    expect(insights.unanswered).toEqual([
      { kind: 'nothing-on', subject: 'messaging', subjectName: 'messaging apps', countryCode: 'AM', countryName: 'Armenia', count: 1 },
      { kind: 'no-content', subject: 'unclassified', subjectName: 'questions on no known subject', countryCode: null, countryName: null, count: 1 },
      { kind: 'out-of-scope', subject: 'visas', subjectName: 'visas', countryCode: null, countryName: null, count: 1 },
    ]);
    expect(JSON.stringify(sumDays(days()))).not.toContain('pizza');
  });

  it('puts drafts and reviews older than N days in the review queue, oldest first', async () => {
    const input = { period: { from: '2026-11-23', to: '2026-11-23' }, days: [], content, trips: [], feedback: await countFeedback([]), staleDays: 30 };
    const files = content.countries.size + content.topics.size;
    const drafts = [...content.countries.values(), ...content.topics.values()].filter((f) => !f.reviewed).length;
    const soon = collectInsights({ ...input, now: NOW }).review;
    expect(soon).toMatchObject({ staleDays: 30, files, drafts });
    expect(soon.items.every((i) => i.status === 'draft' || i.ageDays > 30)).toBe(true);
    // Two years on, every reviewed file is overdue too.
    const later = collectInsights({ ...input, now: new Date('2028-11-23T00:00:00Z') }).review;
    expect(later.drafts + later.overdue).toBe(files);
    expect(later.items.map((i) => i.ageDays)).toEqual([...later.items.map((i) => i.ageDays)].sort((a, b) => b - a));
  });

  it('rates acknowledgements per destination over briefed trips, without the playground user, and sums feedback', async () => {
    const trips = [
      trip('a', ['KZ'], 'sent', '2026-11-24T10:00:00.000Z'),
      trip('b', ['KZ', 'UZ'], 'sent', null),
      trip('c', ['UZ'], 'scheduled', null),
      trip('d', ['KZ'], 'sent', null, 'playground'),
    ];
    const feedback = await countFeedback([
      { answer: 'a-0123456789abcdef', platform: 'slack', rating: 'positive', destinations: ['KZ'], summaryMethod: 'llm', at: '2026-11-20T10:00:00.000Z' },
      { answer: 'a-0123456789abcdef', platform: 'teams', rating: 'negative', destinations: ['KZ'], summaryMethod: 'llm', at: '2026-11-21T10:00:00.000Z' },
    ]);
    const insights = collectInsights({ period: { from: '2026-11-17', to: '2026-11-23' }, days: [], content, trips, feedback, now: NOW, staleDays: 180 });
    expect(insights.acknowledgements).toEqual([
      { countryCode: 'KZ', countryName: 'Kazakhstan', briefed: 2, acknowledged: 1, rate: 0.5 },
      { countryCode: 'UZ', countryName: 'Uzbekistan', briefed: 1, acknowledged: 0, rate: 0 },
    ]);
    expect(insights.feedback).toMatchObject({ total: 2, positive: 1, negative: 1, byDestination: [{ countryCode: 'KZ', positive: 1, negative: 1 }] });
  });
});

describe('renderInsights', () => {
  it('says each section in one line, through the door\'s escaping', async () => {
    const insights = collectInsights({
      period: { from: '2026-11-17', to: '2026-11-23' }, days: days(), content, trips: [trip('a', ['KZ'], 'sent', '2026-11-24T10:00:00.000Z')], feedback: await countFeedback([]), now: NOW, staleDays: 180,
    });
    const text = renderInsights(insights);
    expect(text).toContain('Security-team insights, 2026-11-17 to 2026-11-23 (7 days, UTC):');
    expect(text).toContain('*Questions:* 8. Destinations asked about: assessed 5, screened 2, not assessed 2.');
    expect(text).toContain('*Most asked without a full assessment:* Bouvet Island (BV, not assessed) 2; France (FR, screened) 2.');
    expect(text).toContain('*Could not answer (by subject):* messaging apps in Armenia (nothing in the content) 1; questions on no known subject (no content) 1; visas (not covered by the advisor) 1.');
    expect(text).toContain('*Briefings acknowledged:* Kazakhstan 1 of 1 (100%).');
    const due = insights.review.drafts + insights.review.overdue;
    expect(text).toMatch(new RegExp(`\\*Content to review:\\* ${due} of ${insights.review.files} files .*; and ${due - 5} more\\.`));
    expect(text).toContain('*Feedback on AI-written answers:* no votes kept.');
    const escaped = renderInsights(insights, { escape: (s) => s.replaceAll('a', 'A'), user: (_p, u) => u, bold: (s) => `*${s}*`, code: (s) => s });
    expect(escaped).toContain('KAzAkhstAn 1 of 1');
  });
});
