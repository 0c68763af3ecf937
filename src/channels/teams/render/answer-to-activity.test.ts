/**
 * The Teams renderers, pure functions over real Answers from the content base: the
 * card shows level, indicators with source links, summary with numbered citations and
 * the checklist by phase; the activity carries the text fallback, the native citation
 * entity (AI-generated only for model-written summaries, abstracts clamped) and the
 * feedback flag only for LLM summaries; cards stay under the Teams size limit; button
 * state changes after actions; reminders and welcome cards carry their buttons.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../../advisor/answer.js';
import { buildAdvisor } from '../../../app/build-advisor.js';
import { loadConfig } from '../../../config.js';
import type { Delivery } from '../../../reminders/types.js';
import { parseCardAction } from '../card-actions.js';
import { answerToAdaptiveCard } from './answer-to-adaptive-card.js';
import { answerToActivity, citationEntity } from './answer-to-activity.js';
import { TEAMS_LIMITS } from './limits.js';
import { reminderToActivity } from './reminder-to-activity.js';
import { welcomeActivity } from './welcome-activity.js';

const NOW = new Date('2026-11-23T09:00:00Z');
let kg: Answer;
let unknownCountry: Answer;

beforeAll(async () => {
  const advisor = buildAdvisor(loadConfig({}), { clock: () => NOW });
  kg = await advisor.ask('travelling to Kyrgyzstan next week', { now: NOW });
  unknownCountry = await advisor.answerForCountries(['BV']);
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const blocks = (card: any): string[] => JSON.stringify(card.body).match(/"text":"(?:[^"\\]|\\.)*"/g) ?? [];
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const titles = (card: any): string[] => (card.actions ?? []).map((a: { title: string }) => a.title);

describe('answerToAdaptiveCard', () => {
  it('shows destination, level and meaning, indicators with source links, summary citations and the checklist by phase', () => {
    const card = answerToAdaptiveCard(kg);
    const json = JSON.stringify(card);
    expect(card.version).toBe(TEAMS_LIMITS.cardVersion);
    expect(json).toContain('"text":"Kyrgyzstan"');
    expect(json).toMatch(/Surveillance risk: (at least high \(level 3 of 4\)|level 3 of 4, high)/);
    expect(json).toContain(kg.destinations[0]!.risk.meaning);
    expect(json).toContain('Why this level');
    expect(json).toContain('Assessed against all six indicators (a draft of');
    const rf = kg.sources.find((s) => s.id === 'rf-2025')!;
    expect(json).toContain(`](${rf.url})`);
    expect(json).toContain(`[1] [${kg.summary!.citations[0]!.title}](${kg.summary!.citations[0]!.url})`);
    expect(blocks(card).some((t) => t.includes('Before the trip'))).toBe(true);
    for (const item of kg.destinations[0]!.checklist) expect(json).toContain(item.text.replace(/"/g, '\\"'));
  });

  it('offers both actions, and the buttons submit data the bot can parse', () => {
    const card = answerToAdaptiveCard(kg);
    expect(titles(card)).toEqual(['Remind me before I go', "I've done the checklist", 'Sources']);
    const remind = parseCardAction((card.actions![0] as { data: unknown }).data);
    expect(remind).toEqual({ ta: 'remind', countries: ['KG'], start: kg.trip!.start, end: kg.trip!.end });
    expect(parseCardAction((card.actions![1] as { data: unknown }).data)).toMatchObject({ ta: 'ack', countries: ['KG'] });
  });

  it('drops "Remind me" when no start date is known, and replaces buttons with status after actions', () => {
    expect(titles(answerToAdaptiveCard({ ...kg, trip: null }))).not.toContain('Remind me before I go');
    const after = answerToAdaptiveCard(kg, {
      state: { reminders: { tripId: 't1', due: [{ kind: 'briefing', dueAt: '2026-11-23T09:00:00Z' }] }, acknowledgedAt: '2026-11-24T10:00:00Z' },
    });
    expect(titles(after)).toEqual(['Sources']);
    expect(JSON.stringify(after)).toContain('✅ Reminders set: briefing on 2026-11-23.');
    expect(JSON.stringify(after)).toContain('✅ Checklist done (recorded 2026-11-24).');
  });

  it('says plainly when nothing is known about a country: not assessed, neutral grey, never baseline, no invented indicators', () => {
    const card = answerToAdaptiveCard(unknownCountry);
    const json = JSON.stringify(card);
    expect(json).toContain('Surveillance risk: not assessed: treated as elevated (level 2 of 4)');
    expect(json).toContain(unknownCountry.destinations[0]!.notice!);
    expect(card.body.find((e) => e.type === 'Container')).toMatchObject({ style: 'emphasis' });
    expect(json).not.toMatch(/"color":"(Good|Warning)"|baseline|normal travel security habits/i);
    expect(json).not.toContain('Indicators found');
  });
});

describe('answerToActivity', () => {
  it('sends the card with a plain text fallback and the native citation entity', () => {
    const activity = answerToActivity(kg);
    expect(activity.type).toBe('message');
    expect(activity.text).toMatch(/^Kyrgyzstan: surveillance risk (at least high \(level 3 of 4\)|level 3 of 4, high)\./);
    expect(activity.text).toContain('[1]');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const entity = (activity.entities as any[])[0];
    expect(entity).toMatchObject({ type: 'https://schema.org/Message', '@type': 'Message', '@context': 'https://schema.org' });
    expect(entity.citation).toHaveLength(kg.summary!.citations.length);
    expect(entity.citation[0].appearance).toMatchObject({ '@type': 'DigitalDocument', url: kg.summary!.citations[0]!.url });
  });

  it('marks only model-written summaries as AI-generated and asks for feedback on them', () => {
    expect(answerToActivity(kg).channelData).toBeUndefined();
    expect(citationEntity(kg)!.additionalType).toBeUndefined();
    const llm: Answer = { ...kg, summary: { ...kg.summary!, method: 'llm' } };
    expect(answerToActivity(llm).channelData).toEqual({ feedbackLoopEnabled: true });
    expect(citationEntity(llm)!.additionalType).toEqual(['AIGeneratedContent']);
  });

  it(`clamps citation abstracts to ${TEAMS_LIMITS.maxCitationAbstract} characters and keeps at most ${TEAMS_LIMITS.maxCitations} citations`, () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ id: `s${i}`, title: `Source ${i} `.repeat(20), url: `https://example.org/${i}` }));
    const long: Answer = {
      ...kg,
      summary: { text: '', method: 'llm', citations: many, sentences: [{ text: 'y'.repeat(900), citations: [1], passages: ['p'] }] },
    };
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const citation = (citationEntity(long)!.citation as any[]);
    expect(citation).toHaveLength(TEAMS_LIMITS.maxCitations);
    expect(citation[0].appearance.abstract.length).toBe(TEAMS_LIMITS.maxCitationAbstract);
    expect(citation[0].appearance.name.length).toBeLessThanOrEqual(TEAMS_LIMITS.maxCitationName);
  });

  it(`stays under ${TEAMS_LIMITS.maxMessageBytes} bytes by dropping detail, saying where the rest is`, () => {
    const d = kg.destinations[0]!;
    const huge: Answer = { ...kg, destinations: Array.from({ length: 6 }, () => ({ ...d, indicators: d.indicators.map((i) => ({ ...i, evidence: i.evidence.repeat(6) })) })) };
    expect(Buffer.byteLength(JSON.stringify(answerToAdaptiveCard(huge)))).toBeGreaterThan(TEAMS_LIMITS.maxMessageBytes);
    const activity = answerToActivity(huge);
    expect(Buffer.byteLength(JSON.stringify(activity))).toBeLessThanOrEqual(TEAMS_LIMITS.maxMessageBytes);
    expect(JSON.stringify(activity)).toMatch(/Surveillance risk: (at least high \(level 3 of 4\)|level 3 of 4, high)/);
    expect(JSON.stringify(activity)).toContain('Ask me about Kyrgyzstan alone for the full checklist.');
    expect(JSON.stringify(answerToActivity(kg))).not.toContain('for the full checklist');
  });
});

describe('reminder and welcome cards', () => {
  const delivery = (kind: 'briefing' | 'post-trip'): Delivery => ({
    trip: { id: 'trip-1', traveller: { platform: 'teams', userId: 'u' }, destinations: ['KG'], start: '2026-11-30', end: '2026-12-05', createdBy: 'u', source: 'button', acknowledgedAt: null, reminders: [] },
    reminder: { id: 'rem-1', kind, dueAt: '2026-11-23T09:00:00Z', status: 'scheduled' },
    answer: kg,
    idempotencyKey: 'rem-1:0',
  });

  it('a briefing shows the before-trip checklist with "I\'ve done the checklist" and "Snooze"', () => {
    const a = reminderToActivity(delivery('briefing'));
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const card = (a.attachments as any[])[0].content;
    expect(a.text).toBe('Your trip to Kyrgyzstan starts on 2026-11-30. Here is your pre-trip security briefing.');
    expect(JSON.stringify(card)).toContain('Before the trip');
    expect(JSON.stringify(card)).not.toContain('After the trip');
    expect(titles(card)).toEqual(["I've done the checklist", 'Snooze']);
    expect(parseCardAction(card.actions[0].data)).toMatchObject({ ta: 'ack', tripId: 'trip-1', reminderId: 'rem-1' });
    expect(parseCardAction(card.actions[1].data)).toEqual({ ta: 'snooze', tripId: 'trip-1', reminderId: 'rem-1', hours: 24 });
  });

  it('a post-trip reminder shows the clean-up checklist', () => {
    const a = reminderToActivity(delivery('post-trip'));
    expect(a.text).toBe('Welcome back from Kyrgyzstan. Time to clean up your devices and accounts.');
    expect(JSON.stringify(a.attachments)).not.toContain('Before the trip');
  });

  it('the welcome card says what to ask, with example prompts as buttons', () => {
    const a = welcomeActivity();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const card = (a.attachments as any[])[0].content;
    expect(JSON.stringify(card.body)).toContain('travelling to Kyrgyzstan next week');
    expect(card.actions[0]).toEqual({ type: 'Action.Submit', title: 'travelling to Kyrgyzstan next week', data: { msteams: { type: 'imBack', value: 'travelling to Kyrgyzstan next week' } } });
    expect(JSON.stringify(welcomeActivity({ inChannel: true }))).toContain('Mention me');
  });
});
