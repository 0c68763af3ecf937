/**
 * The Teams renderers, pure functions over frozen Answers (test/fixtures/answers): the
 * card's first screen shows each destination's level, meaning and tier, the key actions
 * and the short summary; "Full checklist" and "Why this level" hold the rest inside the
 * card, or ask the bot for follow-up cards when the card would be too large. Every
 * activity (answer, reminder, welcome, follow-up) stays under the recommended 80 KB in
 * UTF-16, a 13-country trip included. The activity carries the text fallback, the native
 * citation entity (AI-generated only for model-written summaries, abstracts clamped) and
 * the feedback flag only for LLM summaries; button state changes after actions.
 */
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../../advisor/answer.js';
import { answerFixture, ANSWER_FIXTURES } from '../../../../test/fixtures/answers/answer-fixtures.js';
import type { Delivery } from '../../../reminders/types.js';
import { levelHeadline } from '../../../render/level-words.js';
import { parseCardAction } from '../card-actions.js';
import { answerToAdaptiveCard } from './answer-to-adaptive-card.js';
import { answerToActivity, citationEntity } from './answer-to-activity.js';
import { detailsActivities } from './details-activities.js';
import { TEAMS_LIMITS } from './limits.js';
import { utf16Bytes } from './message-size.js';
import { reminderToActivity } from './reminder-to-activity.js';
import { welcomeActivity } from './welcome-activity.js';
import type { TeamsOutbound } from '../teams-port.js';

const kg = answerFixture('kyrgyzstan-next-week');
const thirteen = answerFixture('thirteen-countries');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Card = any;
const cardOf = (a: TeamsOutbound): Card => (a.attachments as Array<{ content: Card }>)[0]!.content;
const titles = (card: Card): string[] => (card.actions ?? []).map((a: { title: string }) => a.title);
/** Every TextBlock and fact of a card body, ShowCards left out unless asked for. */
function shown(card: Card, withShowCards = false): string[] {
  const out: string[] = [];
  const walk = (el: Card) => {
    if (!el || typeof el !== 'object') return;
    if (el.type === 'TextBlock') out.push(el.text);
    if (el.type === 'FactSet') for (const f of el.facts) out.push(`${f.title}: ${f.value}`);
    for (const k of ['body', 'items']) if (Array.isArray(el[k])) el[k].forEach(walk);
    if (withShowCards) for (const a of el.actions ?? []) if (a.type === 'Action.ShowCard') walk(a.card);
  };
  walk(card);
  return out;
}
const showCard = (card: Card, title: string): Card => card.actions.find((a: { title: string }) => a.title === title)?.card;

const delivery = (answer: Answer, kind: 'briefing' | 'post-trip'): Delivery => ({
  trip: { id: 'trip-1', traveller: { platform: 'teams', userId: 'u' }, destinations: answer.destinations.map((d) => d.countryCode), start: '2026-11-30', end: '2026-12-05', createdBy: 'u', source: 'button', acknowledgedAt: null, reminders: [] },
  reminder: { id: 'rem-1', kind, dueAt: '2026-11-23T09:00:00Z', status: 'scheduled' },
  answer,
  idempotencyKey: 'rem-1:0',
});

describe('answerToAdaptiveCard', () => {
  it('shows level, meaning and tier, the five key actions and the short summary first; the rest one click away', () => {
    const card = answerToAdaptiveCard(kg);
    expect(card.version).toBe(TEAMS_LIMITS.cardVersion);
    const first = shown(card);
    expect(first).toContain('Kyrgyzstan');
    expect(first).toContain('Surveillance risk: at least high (level 3 of 4)');
    expect(first).toContain(kg.destinations[0]!.risk.meaning);
    expect(first.some((t) => t.startsWith('Assessed against all six indicators (a draft of'))).toBe(true);
    expect(first).toContain(`Do these first (5 of ${kg.checklist.length}; all under "Full checklist")`);
    expect(first.some((t) => t.startsWith('1. Travel with a clean loaner laptop and phone from IT'))).toBe(true);
    expect(first.some((t) => t.includes(`[1] [${kg.summary!.citations[0]!.title}](${kg.summary!.citations[0]!.url}), Dark Reading (via SecHead)`))).toBe(true);
    expect(first.join('\n')).not.toContain('Indicators found');
    expect(titles(card)).toEqual(['Remind me before I go', "I've done the checklist", 'Full checklist', 'Why this level']);
  });

  it('"Full checklist" holds every item; "Why this level" the basis with sources, indicators with evidence, law and every source', () => {
    const card = answerToAdaptiveCard(kg);
    const checklist = JSON.stringify(showCard(card, 'Full checklist'));
    for (const item of kg.checklist) expect(checklist).toContain(item.text.replace(/"/g, '\\"'));
    const why = shown(showCard(card, 'Why this level'));
    const d = kg.destinations[0]!;
    expect(why).toContain(`Kyrgyzstan: ${levelHeadline(d)}`);
    expect(why.some((t) => t.startsWith('• Assessed: score') && t.includes('](https://'))).toBe(true);
    for (const i of d.indicators.filter((x) => x.status === 'present')) expect(why.some((t) => t.startsWith(`• **${i.name}**: ${i.evidence}`))).toBe(true);
    expect(why.some((t) => t.startsWith('VPN: unknown:'))).toBe(true);
    expect(why).toContain(`Sources (${kg.sources.length})`);
    const rf = kg.sources.find((s) => s.id === 'rf-2025')!;
    expect(why.some((t) => t.includes(`[${rf.title}](${rf.url}), ${rf.publisher}`))).toBe(true);
  });

  it('the buttons submit data the bot can parse', () => {
    const card = answerToAdaptiveCard(kg);
    expect(parseCardAction(card.actions![0]!.data)).toEqual({ ta: 'remind', countries: ['KG'], start: kg.trip!.start, end: kg.trip!.end });
    expect(parseCardAction(card.actions![1]!.data)).toMatchObject({ ta: 'ack', countries: ['KG'] });
    const followUp = answerToAdaptiveCard(kg, { details: 'follow-up' });
    expect(followUp.actions!.slice(2).map((a) => parseCardAction(a.data))).toEqual([
      { ta: 'details', kind: 'checklist', countries: ['KG'] },
      { ta: 'details', kind: 'why', countries: ['KG'] },
    ]);
  });

  it('drops "Remind me" when no start date is known, and replaces buttons with status after actions', () => {
    expect(titles(answerToAdaptiveCard({ ...kg, trip: null }))).not.toContain('Remind me before I go');
    const after = answerToAdaptiveCard(kg, {
      state: { reminders: { tripId: 't1', due: [{ kind: 'briefing', dueAt: '2026-11-23T09:00:00Z' }] }, acknowledgedAt: '2026-11-24T10:00:00Z' },
    });
    expect(titles(after)).toEqual(['Full checklist', 'Why this level']);
    expect(JSON.stringify(after)).toContain('✅ Reminders set: briefing on 2026-11-23.');
    expect(JSON.stringify(after)).toContain('✅ Checklist done (recorded 2026-11-24).');
  });

  it('says plainly when nothing is known about a country: not assessed, neutral grey, never baseline, no invented indicators', () => {
    const answer = answerFixture('bouvet-not-assessed');
    const card = answerToAdaptiveCard(answer);
    const json = JSON.stringify(card.body);
    expect(json).toContain('Surveillance risk: not assessed: treated as elevated (level 2 of 4)');
    expect(json).toContain(answer.destinations[0]!.notice!);
    expect(card.body.find((e) => e.type === 'Container')).toMatchObject({ style: 'emphasis' });
    expect(json).not.toMatch(/"color":"(Good|Warning)"|baseline|normal travel security habits/i);
    expect(JSON.stringify(showCard(card, 'Why this level'))).not.toContain('Indicators found');
  });

  it('lists all 13 levels of a long trip, one line each, and names the destinations of each key action', () => {
    const card = answerToAdaptiveCard(thirteen, { details: 'follow-up' });
    const first = shown(card);
    for (const d of thirteen.destinations) expect(first.some((t) => t.startsWith(`**${d.countryName}**: ${levelHeadline(d)}`))).toBe(true);
    expect(first.some((t) => /Talk to the security team before you book[^\r]*only for Russia, Belarus, Tajikistan, Turkmenistan, Azerbaijan, China and Iran/.test(t))).toBe(true);
  });
});

describe('answerToActivity', () => {
  it('sends the card with a plain text fallback and the native citation entity', () => {
    const activity = answerToActivity(kg);
    expect(activity.type).toBe('message');
    expect(activity.text).toMatch(/^Kyrgyzstan: surveillance risk at least high \(level 3 of 4\)\./);
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

  it(`clamps citation abstracts to Teams' documented ${TEAMS_LIMITS.maxCitationAbstract} characters and keeps at most ${TEAMS_LIMITS.maxCitations} citations`, () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ id: `s${i}`, title: `Source ${i} `.repeat(20), url: `https://example.org/${i}` }));
    const long: Answer = {
      ...kg,
      summary: { text: '', method: 'llm', citations: many, sentences: [{ text: 'y'.repeat(900), citations: [1], passages: ['p'] }] },
    };
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const citation = citationEntity(long)!.citation as any[];
    expect(citation).toHaveLength(TEAMS_LIMITS.maxCitations);
    expect(citation[0].appearance.abstract.length).toBe(TEAMS_LIMITS.maxCitationAbstract);
    expect(citation[0].appearance.name.length).toBeLessThanOrEqual(TEAMS_LIMITS.maxCitationName);
  });

  it('keeps every citation abstract of a real answer within 160 characters, ending at a word with an ellipsis when cut', () => {
    const words = 'Operators must install equipment that gives the security service direct access to communications, and keep traffic data for years.';
    const long: Answer = { ...kg, summary: { ...kg.summary!, sentences: [{ text: `${words} ${words} ${words}`, citations: [1], passages: ['p'] }] } };
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const abstract = (citationEntity(long)!.citation as any[])[0].appearance.abstract as string;
    expect(abstract.length).toBeLessThanOrEqual(160);
    expect(abstract).toMatch(/^Operators must install .* [a-z]+…$/);
    expect(words.split(' ')).toContain(abstract.slice(0, -1).split(' ').at(-1));
    for (const a of [kg, thirteen]) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      for (const c of (citationEntity(a)?.citation ?? []) as any[]) expect(c.appearance.abstract.length).toBeLessThanOrEqual(160);
    }
  });

  it('keeps the details inside the card while it fits, and moves them to follow-up cards when it would not', () => {
    expect(answerToActivity(kg).attachments).toEqual([expect.objectContaining({ content: expect.objectContaining({ actions: expect.arrayContaining([expect.objectContaining({ type: 'Action.ShowCard', title: 'Why this level' })]) }) })]);
    expect(utf16Bytes(answerToAdaptiveCard(thirteen, { details: 'inline' }))).toBeGreaterThan(TEAMS_LIMITS.recommendedMessageBytes);
    const activity = answerToActivity(thirteen);
    expect(utf16Bytes(activity)).toBeLessThanOrEqual(TEAMS_LIMITS.recommendedMessageBytes);
    expect(cardOf(activity).actions.map((a: { type: string; title: string }) => `${a.type} ${a.title}`)).toEqual([
      'Action.Execute Remind me before I go',
      "Action.Execute I've done the checklist",
      'Action.Execute Full checklist',
      'Action.Execute Why this level',
    ]);
    for (const d of thirteen.destinations) expect(JSON.stringify(activity)).toContain(`**${d.countryName}**: ${levelHeadline(d)}`);
  });

  it('sends a 13-country trip\'s details as follow-up cards, every one under the limit, nothing dropped', () => {
    const checklist = detailsActivities('checklist', thirteen);
    const why = detailsActivities('why', thirteen);
    for (const a of [...checklist, ...why]) expect(utf16Bytes(a)).toBeLessThanOrEqual(TEAMS_LIMITS.recommendedMessageBytes);
    const checklistJson = JSON.stringify(checklist);
    for (const item of thirteen.checklist) expect(checklistJson).toContain(item.text.replace(/"/g, '\\"'));
    expect(why.length).toBeGreaterThan(1);
    expect(JSON.stringify(why[0])).toContain(`Part 1 of ${why.length}`);
    const whyText = why.flatMap((a) => shown(cardOf(a)));
    for (const d of thirteen.destinations) expect(whyText).toContain(`${d.countryName}: ${levelHeadline(d)}`);
    for (const s of thirteen.sources) expect(whyText.join('\n')).toContain(`(${s.url}), ${s.publisher}`);
  });

  it('keeps every frozen answer under the recommended size, measured in UTF-16', () => {
    for (const name of ANSWER_FIXTURES) expect(utf16Bytes(answerToActivity(answerFixture(name))), name).toBeLessThanOrEqual(TEAMS_LIMITS.recommendedMessageBytes);
  });
});

describe('reminder and welcome cards', () => {
  it('a briefing shows the before-trip checklist with "I\'ve done the checklist", "Snooze" and the details', () => {
    const a = reminderToActivity(delivery(kg, 'briefing'));
    const card = cardOf(a);
    expect(a.text).toBe('Your trip to Kyrgyzstan starts on 2026-11-30. Here is your pre-trip security briefing.');
    expect(shown(card)).toContain('Before you go');
    expect(shown(card)).not.toContain('When you are back');
    expect(titles(card)).toEqual(["I've done the checklist", 'Snooze', 'Full checklist', 'Why this level']);
    expect(parseCardAction(card.actions[0].data)).toMatchObject({ ta: 'ack', tripId: 'trip-1', reminderId: 'rem-1' });
    expect(parseCardAction(card.actions[1].data)).toEqual({ ta: 'snooze', tripId: 'trip-1', reminderId: 'rem-1', hours: 24 });
  });

  it('a post-trip reminder shows the clean-up checklist', () => {
    const a = reminderToActivity(delivery(kg, 'post-trip'));
    expect(a.text).toBe('Welcome back from Kyrgyzstan. Time to clean up your devices and accounts.');
    expect(shown(cardOf(a))).toContain('When you are back');
    expect(shown(cardOf(a))).not.toContain('Before you go');
  });

  it('a 13-country briefing is size-checked too: under the recommended limit, with every level and the merged checklist', () => {
    const a = reminderToActivity(delivery(thirteen, 'briefing'));
    expect(utf16Bytes(a)).toBeLessThanOrEqual(TEAMS_LIMITS.recommendedMessageBytes);
    const text = shown(cardOf(a)).join('\n');
    for (const d of thirteen.destinations) expect(text).toContain(`**${d.countryName}**: ${levelHeadline(d)}`);
    for (const item of thirteen.checklist.filter((c) => c.phase !== 'after')) expect(text).toContain(item.text);
  });

  it('the welcome card says what to ask, with example prompts as buttons, well under the limit', () => {
    const a = welcomeActivity();
    const card = cardOf(a);
    expect(JSON.stringify(card.body)).toContain('travelling to Kyrgyzstan next week');
    expect(card.actions[0]).toEqual({ type: 'Action.Submit', title: 'travelling to Kyrgyzstan next week', data: { msteams: { type: 'imBack', value: 'travelling to Kyrgyzstan next week' } } });
    expect(JSON.stringify(welcomeActivity({ inChannel: true }))).toContain('Mention me');
    expect(utf16Bytes(a)).toBeLessThanOrEqual(TEAMS_LIMITS.recommendedMessageBytes);
  });
});
