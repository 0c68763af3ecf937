/**
 * The Block Kit renderer keeps every message inside Slack's limits (stated here by
 * name from SLACK_LIMITS), splits long texts instead of cutting advice, trims a
 * too-long answer with a "more" note, and offers each button only when it can work.
 */
import { describe, expect, it } from 'vitest';
import { answerSchema, type Answer, type Destination } from '../../../advisor/answer.js';
import { buildAdvisor } from '../../../app/build-advisor.js';
import { loadConfig } from '../../../config.js';
import { ACTION_IDS, parseActionValue, remindValueSchema } from '../actions.js';
import { SLACK_LIMITS } from '../limits.js';
import { answerToBlockKit, type SlackBlock } from './answer-to-block-kit.js';
import { homeView } from './home-view.js';
import { reminderToBlockKit } from './reminder-to-block-kit.js';

const advisor = buildAdvisor(loadConfig({}), { clock: () => new Date('2026-11-23T10:00:00Z') });
const now = { now: new Date('2026-11-23T10:00:00Z') };

type AnyBlock = { type: string; text?: { type: string; text: string }; elements?: Array<{ type: string; text?: unknown; value?: string; action_id?: string }> };

/** Every limit SLACK_LIMITS names that applies to a rendered block list. */
function expectWithinLimits(blocks: SlackBlock[], maxBlocks: number = SLACK_LIMITS.messageBlocks): void {
  expect(blocks.length).toBeLessThanOrEqual(maxBlocks);
  for (const b of blocks as AnyBlock[]) {
    if (b.type === 'section') expect(b.text!.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    if (b.type === 'header') expect(b.text!.text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
    if (b.type === 'context') {
      expect(b.elements!.length).toBeLessThanOrEqual(SLACK_LIMITS.contextElements);
      for (const e of b.elements!) expect(String(e.text).length).toBeLessThanOrEqual(SLACK_LIMITS.contextText);
    }
    if (b.type === 'actions') {
      expect(b.elements!.length).toBeLessThanOrEqual(SLACK_LIMITS.actionsElements);
      for (const e of b.elements!) {
        expect((e.text as { text: string }).text.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonText);
        expect(e.value!.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonValue);
        expect(e.action_id!.length).toBeLessThanOrEqual(SLACK_LIMITS.actionId);
      }
    }
  }
}

function texts(blocks: SlackBlock[]): string {
  return (blocks as AnyBlock[]).map((b) => [b.text?.text ?? '', ...(b.elements ?? []).map((e) => (typeof e.text === 'string' ? e.text : ''))].join('\n')).join('\n');
}

function buttonTexts(blocks: SlackBlock[]): string[] {
  return (blocks as AnyBlock[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements!.map((e) => (e.text as { text: string }).text));
}

/** An answer far beyond one message: many destinations with very long evidence and checklists. */
function hugeAnswer(base: Answer): Answer {
  const kg = base.destinations[0]!;
  const long = 'Evidence sentence with <angle> & ampersand. '.repeat(120);
  const destinations: Destination[] = Array.from({ length: 12 }, (_, i) => ({
    ...kg,
    countryName: `${'Very long country name '.repeat(8)}${i}`,
    indicators: kg.indicators.map((ind) => ({ ...ind, status: 'present' as const, evidence: long })),
    checklist: [...kg.checklist, ...kg.checklist.map((c) => ({ ...c, text: `${c.text} ${long}` }))],
  }));
  return answerSchema.parse({ ...base, destinations });
}

describe('answerToBlockKit', () => {
  it('shows Kyrgyzstan with level, meaning, indicators with source links, summary citations and checklist phases', async () => {
    const answer = await advisor.ask('travelling to Kyrgyzstan next week', now);
    const { text, blocks } = answerToBlockKit(answer);
    const all = texts(blocks);
    expect((blocks as AnyBlock[]).find((b) => b.type === 'header')!.text!.text).toMatch(/^Kyrgyzstan: (at least high \(level 3 of 4\)|level 3 of 4, high)$/);
    expect(all).toMatch(/\*(At least high \(level 3 of 4\)|Level 3 of 4, high)\.\*/);
    expect(all).toContain('_Assessed against all six indicators (a draft of');
    expect(all).toMatch(/\*Why this level\*\n• Assessed: score \d+ of 12/);
    expect(all).toContain('*Direct-access interception systems (SORM or equivalent)*');
    expect(all).toMatch(/\(<https:[^|>]+\|darkreading-2025>, <https:[^|>]+\|rf-2025>\)/);
    expect(all).toMatch(/Insikt Group study\. <https:[^|>]+\|\[1\]> <https:[^|>]+\|\[2\]>/);
    expect(all).toContain('[1] <https://sechead.com/');
    expect(all).toContain('Checklist: Before you go');
    expect(all).toContain('*Devices*\n☐ Take only the devices');
    expect(all).toMatch(/Not known: [^\n]*Joint projects with foreign surveillance providers/);
    expect(text).toMatch(/Kyrgyzstan \(KG\): risk (at least high \(level 3 of 4\)|level 3 of 4, high)/);
    expectWithinLimits(blocks);
  });

  it('offers "Remind me before I go" only with a trip date, carrying the trip in its value', async () => {
    const withDate = answerToBlockKit(await advisor.ask('travelling to Kyrgyzstan next week', now));
    const remind = (withDate.blocks as AnyBlock[]).flatMap((b) => b.elements ?? []).find((e) => e.action_id === ACTION_IDS.remind)!;
    expect(parseActionValue(remindValueSchema, remind.value)).toEqual({ d: ['KG'], s: '2026-11-30', e: null });
    const noDate = answerToBlockKit(await advisor.ask('what about Kyrgyzstan?', now));
    expect(buttonTexts(noDate.blocks)).toEqual(["I've done the checklist"]);
  });

  it('adds "Share in channel" only for ephemeral answers', async () => {
    const answer = await advisor.ask('travelling to Kyrgyzstan next week', now);
    expect(buttonTexts(answerToBlockKit(answer, { share: { a: 'k1' } }).blocks)).toEqual([
      'Remind me before I go',
      "I've done the checklist",
      'Share in channel',
    ]);
  });

  it('shows a help or "did not find" message without buttons', async () => {
    const { blocks, text } = answerToBlockKit(await advisor.ask('help', now));
    expect(texts(blocks)).toContain('Tell me where you are going');
    expect(buttonTexts(blocks)).toEqual([]);
    expect(text).toContain('Tell me where you are going');
  });

  it('shows a screened country with its tier and basis, saying so once', async () => {
    const { blocks } = answerToBlockKit(await advisor.ask('travelling to France next week', now));
    const all = texts(blocks);
    expect((blocks as AnyBlock[]).find((b) => b.type === 'header')!.text!.text).toMatch(/^France: /);
    expect(all.split('France has been screened, not assessed')).toHaveLength(2);
    expect(all).toContain('*Why this level*');
    expect(all).toContain('general safety, not surveillance');
    expect(all).toContain('Checklist: Before you go');
    expect(buttonTexts(blocks)).toEqual(['Remind me before I go', "I've done the checklist"]);
  });

  it('shows a country nothing is known about as not assessed, in neutral white, never green or baseline', async () => {
    const answer = await advisor.answerForCountries(['BV']);
    const { blocks, text } = answerToBlockKit(answer);
    const all = texts(blocks);
    expect((blocks as AnyBlock[]).find((b) => b.type === 'header')!.text!.text).toBe('Bouvet Island: not assessed: treated as elevated (level 2 of 4)');
    expect(all).toContain(':white_circle: *Not assessed: treated as elevated (level 2 of 4).*');
    expect(all).not.toMatch(/:large_green_circle:|:large_yellow_circle:|baseline|normal travel security habits/i);
    expect(all).toContain('has not been assessed: the content base knows nothing about surveillance there');
    expect(text).toContain('not assessed');
  });

  it('escapes <, > and & from content so it cannot form links or mentions', async () => {
    const answer = await advisor.ask('travelling to Kyrgyzstan next week', now);
    const evil = { ...answer, message: 'Ask <!channel> & <@U1>' };
    expect(texts(answerToBlockKit(evil).blocks)).toContain('Ask &lt;!channel&gt; &amp; &lt;@U1&gt;');
  });

  it('splits long sections and trims an over-long answer to the block limit with a "more" link, within every limit', async () => {
    const answer = hugeAnswer(await advisor.ask('travelling to Kyrgyzstan next week', now));
    const { blocks, text } = answerToBlockKit(answer, { share: { a: 'k' }, moreUrl: 'https://advisor.example/answer?id=1' });
    expectWithinLimits(blocks);
    expect(blocks).toHaveLength(SLACK_LIMITS.messageBlocks);
    expect((blocks as AnyBlock[]).at(-1)!.type).toBe('actions');
    expect(texts(blocks)).toContain('<https://advisor.example/answer?id=1|Read the full answer>');
    expect((blocks as AnyBlock[]).find((b) => b.type === 'header')!.text!.text).toMatch(/…$/);
    expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
    // A long indicator list is split across sections rather than cut.
    const indicatorSections = (blocks as AnyBlock[]).filter((b) => b.type === 'section' && b.text!.text.includes('Evidence sentence'));
    expect(indicatorSections.length).toBeGreaterThan(2);
  });

  it('keeps within the limits for every destination the content base covers', async () => {
    for (const code of advisor.content.countries.keys()) {
      const answer = await advisor.answerForCountries([code], { intent: 'trip', trip: { start: '2026-12-01', end: '2026-12-09', said: null, startInferred: false, endInferred: false } });
      expectWithinLimits(answerToBlockKit(answer, { share: { a: 'x' } }).blocks);
    }
  });
});

describe('reminderToBlockKit', () => {
  it('renders a post-trip reminder with the after-trip checklist, "I\'ve done the checklist" and "Snooze"', async () => {
    const answer = await advisor.answerForCountries(['KG']);
    const trip = { id: 't1', traveller: { platform: 'slack' as const, userId: 'U1' }, destinations: ['KG'], start: '2026-12-01', end: '2026-12-09', createdBy: 'U1', source: 'button' as const, acknowledgedAt: null, reminders: [] };
    const { text, blocks } = reminderToBlockKit({ trip, reminder: { id: 'r3', kind: 'post-trip', dueAt: '2026-12-10T09:00:00Z', status: 'scheduled' }, answer, idempotencyKey: 'r3:0' });
    expect(text).toMatch(/^Welcome back from Kyrgyzstan/);
    expect(texts(blocks)).toContain('When you are back');
    expect(texts(blocks)).not.toContain('Before you go');
    expect(buttonTexts(blocks)).toEqual(["I've done the checklist", 'Snooze']);
    const values = (blocks as AnyBlock[]).flatMap((b) => b.elements ?? []).filter((e) => e.value).map((e) => JSON.parse(e.value!));
    expect(values).toEqual([{ t: 't1', r: 'r3' }, { t: 't1', r: 'r3' }]);
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
    expect(all).toContain('Pre-trip briefing: 2026-11-24 09:00 UTC (scheduled)');
    expect(all).not.toContain('Kazakhstan');
    expectWithinLimits(view.blocks as SlackBlock[], SLACK_LIMITS.viewBlocks);
  });
});
