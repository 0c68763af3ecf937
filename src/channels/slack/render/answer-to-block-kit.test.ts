/**
 * The first Slack message of an answer fits one screen (FIRST_SCREEN): every
 * destination's level with its meaning and tier, at most five key actions (the loaner
 * device among them at level 3), a short summary whose sources are named by publisher
 * and title, and the buttons, Full checklist and Why this level among them. It stays
 * inside every Slack limit (stated by name from SLACK_LIMITS), says each tier honestly,
 * escapes content, and trims an impossible answer with a note rather than being
 * rejected. Rendered from frozen Answers (test/fixtures/answers), so content changes
 * cannot turn it red.
 */
import { describe, expect, it } from 'vitest';
import { answerSchema, type Answer, type Destination } from '../../../advisor/answer.js';
import { ANSWER_FIXTURES, answerFixture } from '../../../../test/fixtures/answers/answer-fixtures.js';
import { ACTION_IDS, detailsValueSchema, parseActionValue, remindValueSchema } from '../actions.js';
import { FIRST_SCREEN, SLACK_LIMITS } from '../limits.js';
import { answerToBlockKit, type SlackBlock } from './answer-to-block-kit.js';
import { homeView } from './home-view.js';
import { reminderToBlockKit } from './reminder-to-block-kit.js';
import { visibleLength } from './visible-text.js';
import { levelHeadline, tierTag } from '../../../render/level-words.js';
import { expectWithinLimits, texts, type AnyBlock } from '../../../../test/slack/slack-limits-check.js';

const kg = answerFixture('kyrgyzstan-next-week');
const thirteen = answerFixture('thirteen-countries');

function buttonTexts(blocks: SlackBlock[]): string[] {
  return (blocks as AnyBlock[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements!.map((e) => (e.text as { text: string }).text));
}
const buttonValue = (blocks: SlackBlock[], actionId: string) => (blocks as AnyBlock[]).flatMap((b) => b.elements ?? []).find((e) => e.action_id === actionId)?.value;

/** An answer far beyond one message: many destinations with very long names and meanings. */
function hugeAnswer(base: Answer): Answer {
  const d = base.destinations[0]!;
  const long = 'Meaning sentence with <angle> & ampersand. '.repeat(40);
  const destinations: Destination[] = Array.from({ length: 60 }, (_, i) => ({
    ...d,
    countryName: `${'Very long country name '.repeat(8)}${i}`,
    risk: { ...d.risk, meaning: `${long}${i}` },
  }));
  return answerSchema.parse({ ...base, destinations });
}

describe('answerToBlockKit: the first screen', () => {
  it('shows Kyrgyzstan in at most 15 blocks and about 2,500 visible characters: level, meaning, tier, five key actions, short summary, buttons', () => {
    const { text, blocks } = answerToBlockKit(kg);
    expect(blocks.length).toBeLessThanOrEqual(FIRST_SCREEN.blocks);
    expect(visibleLength(blocks)).toBeLessThanOrEqual(FIRST_SCREEN.visibleChars);
    const all = texts(blocks);
    expect((blocks as AnyBlock[]).find((b) => b.type === 'header')!.text!.text).toBe('Kyrgyzstan: at least high (level 3 of 4)');
    expect(all).toContain(':large_orange_circle: *At least high (level 3 of 4).* Assume calls, texts and unencrypted traffic can be intercepted.');
    expect(all).toContain('_Assessed against all six indicators (a draft of');
    expect(all).toContain(`*Do these first* — 5 of ${kg.checklist.length} checklist items; all under *Full checklist*`);
    expect(all).toContain('1. Travel with a clean loaner laptop and phone from IT instead of your everyday devices. _(before you go)_');
    expect(all.match(/^\d\. /gm)).toHaveLength(5);
    // The details are one click away, not on the first screen.
    expect(all).not.toContain('Indicators found');
    expect(all).not.toContain('☐');
    expect(all).toMatch(/\*Summary\*\n[^\n]+<https:[^|>]+\|\[1\]>/);
    expect(text).toMatch(/\nKyrgyzstan \(KG\): risk at least high \(level 3 of 4\)/);
    expect(buttonTexts(blocks)).toEqual(['Remind me before I go', "I've done the checklist", 'Full checklist', 'Why this level']);
    expectWithinLimits(blocks);
  });

  it('names the summary\'s sources by publisher and title, never by raw id', () => {
    const all = texts(answerToBlockKit(kg).blocks);
    expect(all).toContain('[1] <https://sechead.com/');
    expect(all).toContain('|Dark Reading (via SecHead): Russia-linked SORM surveillance spreads to Central Asia and Latin America');
    expect(all).toContain('|Recorded Future (Insikt Group): Tracking Deployment of Russian Surveillance Technologies');
    for (const s of kg.sources) expect(all).not.toContain(`|${s.id}>`);
    expect(all).not.toContain('darkreading-2025');
  });

  it('"Full checklist" and "Why this level" carry the destinations, so the view can be rebuilt for whoever presses them', () => {
    const { blocks } = answerToBlockKit(answerFixture('almaty-then-bishkek'));
    expect(parseActionValue(detailsValueSchema, buttonValue(blocks, ACTION_IDS.checklist))).toEqual({ d: ['KZ', 'KG'] });
    expect(parseActionValue(detailsValueSchema, buttonValue(blocks, ACTION_IDS.why))).toEqual({ d: ['KZ', 'KG'] });
  });

  it('offers "Remind me before I go" only with a trip date, carrying the trip in its value', () => {
    expect(parseActionValue(remindValueSchema, buttonValue(answerToBlockKit(kg).blocks, ACTION_IDS.remind))).toEqual({ d: ['KG'], s: '2026-11-30', e: null });
    expect(buttonTexts(answerToBlockKit(answerFixture('kyrgyzstan-no-date')).blocks)).toEqual(["I've done the checklist", 'Full checklist', 'Why this level']);
  });

  it('adds "Share in channel" only for ephemeral answers', () => {
    expect(buttonTexts(answerToBlockKit(kg, { share: { a: 'k1' } }).blocks)).toEqual([
      'Remind me before I go',
      "I've done the checklist",
      'Full checklist',
      'Why this level',
      'Share in channel',
    ]);
  });

  it('gives a trip to two places one set of key actions and both levels, not two checklists', () => {
    const answer = answerFixture('almaty-then-bishkek');
    const { blocks } = answerToBlockKit(answer);
    const all = texts(blocks);
    expect((blocks as AnyBlock[]).find((b) => b.type === 'header')!.text!.text).toBe('Your trip: Kazakhstan and Kyrgyzstan');
    expect(all).toContain('*Kazakhstan*: at least high (level 3 of 4).');
    expect(all).toContain('*Kyrgyzstan*: at least high (level 3 of 4).');
    expect(all.match(/^\d\. /gm)).toHaveLength(5);
    expect(all.split('Travel with a clean loaner laptop')).toHaveLength(2);
    expect(blocks.length).toBeLessThanOrEqual(FIRST_SCREEN.blocks);
    expect(visibleLength(blocks)).toBeLessThanOrEqual(FIRST_SCREEN.visibleChars);
  });

  it('lists every level of a 13-country trip on the first screen, one line each, meanings said once, and says which places each action is for', () => {
    const { blocks } = answerToBlockKit(thirteen);
    const all = texts(blocks);
    expect(thirteen.destinations).toHaveLength(13);
    for (const d of thirteen.destinations) expect(all).toContain(`*${d.countryName}*: ${levelHeadline(d)} · _${tierTag(d)}_`);
    expect(all).toContain('*Monaco*: not assessed: treated as elevated (level 2 of 4) · _not assessed_');
    expect(all).toContain('*Mongolia*: at least elevated (level 2 of 4) · _screened_');
    expect(all.split('Pervasive interception and restrictions on protection')).toHaveLength(2);
    expect(all).toMatch(/Talk to the security team before you book[^\n]*only for Russia, Belarus, Tajikistan, Turkmenistan, Azerbaijan, China and Iran/);
    expect(all).toMatch(/2\. Travel with a clean loaner laptop[^\n]*only for Russia, Belarus, Kazakhstan, Kyrgyzstan, Uzbekistan, Tajikistan, Turkmenistan, Azerbaijan, China and Iran/);
    expect(all).not.toContain(':scissors:');
    expectWithinLimits(blocks);
  });

  it('shows a help or "did not find" message without buttons', () => {
    const { blocks, text } = answerToBlockKit(answerFixture('help'));
    expect(texts(blocks)).toContain('Tell me where you are going');
    expect(buttonTexts(blocks)).toEqual([]);
    expect(text).toContain('Tell me where you are going');
  });

  it('shows a screened country with its tier, saying so once', () => {
    const { blocks } = answerToBlockKit(answerFixture('france-screened'));
    const all = texts(blocks);
    expect((blocks as AnyBlock[]).find((b) => b.type === 'header')!.text!.text).toMatch(/^France: level 1 of 4, baseline so far: not every indicator is known$/);
    expect(all.split('France has been screened, not assessed')).toHaveLength(2);
    expect(buttonTexts(blocks)).toEqual(['Remind me before I go', "I've done the checklist", 'Full checklist', 'Why this level']);
  });

  it('shows a country nothing is known about as not assessed, in neutral white, never green or baseline', () => {
    const { blocks, text } = answerToBlockKit(answerFixture('bouvet-not-assessed'));
    const all = texts(blocks);
    expect((blocks as AnyBlock[]).find((b) => b.type === 'header')!.text!.text).toBe('Bouvet Island: not assessed: treated as elevated (level 2 of 4)');
    expect(all).toContain(':white_circle: *Not assessed: treated as elevated (level 2 of 4).*');
    expect(all).not.toMatch(/:large_green_circle:|:large_yellow_circle:|baseline|normal travel security habits/i);
    expect(all).toContain('has not been assessed: the content base knows nothing about surveillance there');
    expect(text).toContain('not assessed');
  });

  it('escapes <, > and & from content so it cannot form links or mentions', () => {
    const evil = { ...kg, message: 'Ask <!channel> & <@U1>' };
    expect(texts(answerToBlockKit(evil).blocks)).toContain('Ask &lt;!channel&gt; &amp; &lt;@U1&gt;');
  });

  it('splits long sections and trims an impossible answer to the block limit with a "more" link, within every limit', () => {
    const { blocks, text } = answerToBlockKit(hugeAnswer(kg), { share: { a: 'k' }, moreUrl: 'https://advisor.example/answer?id=1' });
    expectWithinLimits(blocks);
    expect(blocks).toHaveLength(SLACK_LIMITS.messageBlocks);
    expect((blocks as AnyBlock[]).at(-1)!.type).toBe('actions');
    expect(texts(blocks)).toContain('<https://advisor.example/answer?id=1|Read the full answer>');
    expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
    expect((blocks as AnyBlock[]).filter((b) => b.type === 'section' && b.text!.text.includes('Meaning sentence')).length).toBeGreaterThan(2);
  });

  it('keeps within the limits for every frozen answer, shared or not', () => {
    for (const name of ANSWER_FIXTURES) {
      expectWithinLimits(answerToBlockKit(answerFixture(name)).blocks);
      expectWithinLimits(answerToBlockKit(answerFixture(name), { share: { a: 'x' } }).blocks);
    }
  });
});

describe('reminderToBlockKit', () => {
  it('renders a post-trip reminder with the after-trip checklist and its buttons', () => {
    const answer = answerFixture('kyrgyzstan-no-date');
    const trip = { id: 't1', traveller: { platform: 'slack' as const, userId: 'U1' }, destinations: ['KG'], start: '2026-12-01', end: '2026-12-09', createdBy: 'U1', source: 'button' as const, acknowledgedAt: null, reminders: [] };
    const { text, blocks } = reminderToBlockKit({ trip, reminder: { id: 'r3', kind: 'post-trip', dueAt: '2026-12-10T09:00:00Z', status: 'scheduled' }, answer, idempotencyKey: 'r3:0' });
    expect(text).toMatch(/^Welcome back from Kyrgyzstan/);
    const all = texts(blocks);
    expect(all).toContain('When you are back');
    expect(all).not.toContain('Before you go');
    for (const item of answer.checklist.filter((c) => c.phase === 'after')) expect(all).toContain(item.text);
    expect(buttonTexts(blocks)).toEqual(["I've done the checklist", 'Full checklist', 'Why this level', 'Snooze']);
    expect(JSON.parse(buttonValue(blocks, ACTION_IDS.acknowledge)!)).toEqual({ t: 't1', r: 'r3' });
    expect(JSON.parse(buttonValue(blocks, ACTION_IDS.snooze)!)).toEqual({ t: 't1', r: 'r3' });
    expectWithinLimits(blocks);
  });

  it('a 13-country briefing carries every level and the merged before/during checklist within the limits', () => {
    const trip = { id: 't13', traveller: { platform: 'slack' as const, userId: 'U1' }, destinations: thirteen.destinations.map((d) => d.countryCode), start: '2027-03-01', end: '2027-03-20', createdBy: 'U1', source: 'button' as const, acknowledgedAt: null, reminders: [] };
    const { blocks } = reminderToBlockKit({ trip, reminder: { id: 'r1', kind: 'briefing', dueAt: '2027-02-22T09:00:00Z', status: 'scheduled' }, answer: thirteen, idempotencyKey: 'r1:0' });
    const all = texts(blocks);
    for (const d of thirteen.destinations) expect(all).toContain(`*${d.countryName}*:`);
    for (const item of thirteen.checklist.filter((c) => c.phase !== 'after')) expect(all).toContain(item.text);
    expect(all).not.toContain(':scissors:');
    expectWithinLimits(blocks);
  });
});

describe('homeView', () => {
  it('lists upcoming trips with their reminders and leaves out past ones', () => {
    const base = { traveller: { platform: 'slack' as const, userId: 'U1' }, createdBy: 'U1', source: 'button' as const, acknowledgedAt: null };
    const view = homeView({
      now: new Date('2026-11-23T10:00:00Z'),
      botUserId: 'UBOT',
      countryName: (c) => ({ KG: 'Kyrgyzstan', KZ: 'Kazakhstan' })[c] ?? c,
      trips: [
        { ...base, id: 'past', destinations: ['KZ'], start: '2026-10-01', end: '2026-10-05', reminders: [] },
        { ...base, id: 'next', destinations: ['KG'], start: '2026-12-01', end: '2026-12-09', reminders: [{ id: 'r1', kind: 'briefing', dueAt: '2026-11-24T09:00:00Z', status: 'scheduled' }] },
      ],
    });
    const all = texts(view.blocks as SlackBlock[]);
    expect(view.type).toBe('home');
    expect(all).toContain('<@UBOT> travelling to Kyrgyzstan next week');
    expect(all).toContain('*Your upcoming trips* (1)');
    expect(all).toContain('*Kyrgyzstan*, 2026-12-01 to 2026-12-09');
    expect(all).toContain('Pre-trip briefing: <!date^1795510800^{date_short_pretty} at {time}|2026-11-24 09:00 UTC> (scheduled)');
    expect(all).not.toContain('Kazakhstan');
    expectWithinLimits(view.blocks as SlackBlock[], SLACK_LIMITS.viewBlocks);
  });
});
