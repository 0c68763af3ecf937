/**
 * What "Full checklist" and "Why this level" open in Slack: the full checklist has
 * every item of the trip's merged checklist once, naming the destinations of items
 * that are not for all; "Why this level" has every destination's basis with its sources
 * by publisher and title, its indicators with evidence and its law, then every source.
 * Content over one view is paged, never dropped, within SLACK_LIMITS for views and,
 * as the fallback, for messages. Rendered from frozen Answers.
 */
import { describe, expect, it } from 'vitest';
import { answerSchema, type Answer } from '../../../advisor/answer.js';
import { ANSWER_FIXTURES, answerFixture } from '../../../../test/fixtures/answers/answer-fixtures.js';
import { expectWithinLimits, texts, type AnyBlock } from '../../../../test/slack/slack-limits-check.js';
import { levelHeadline } from '../../../render/level-words.js';
import { ACTION_IDS, detailsValueSchema, parseActionValue } from '../actions.js';
import { SLACK_LIMITS } from '../limits.js';
import { detailsPages, detailsView } from './details-view.js';

const kg = answerFixture('kyrgyzstan-next-week');
const thirteen = answerFixture('thirteen-countries');

/** Every page of a detail, as the modal pages through it. */
function allPages(kind: 'checklist' | 'why', answer: Answer): string {
  const first = detailsView(kind, answer);
  const pages = [first];
  for (let p = 2; p <= 100; p++) {
    const view = detailsView(kind, answer, p);
    if (JSON.stringify(view.blocks) === JSON.stringify(pages.at(-1)!.blocks)) break;
    pages.push(view);
  }
  return pages.map((v) => texts(v.blocks as never)).join('\n');
}

describe('detailsView: Full checklist', () => {
  it('holds every checklist item of Kyrgyzstan, by phase and category, in one modal', () => {
    const view = detailsView('checklist', kg);
    expect(view.type).toBe('modal');
    expect(view.title.text).toBe('Full checklist');
    const all = texts(view.blocks as never);
    expect(all).toContain(`*Checklist for Kyrgyzstan* (${kg.checklist.length} items)`);
    for (const item of kg.checklist) expect(all).toContain(`☐ ${item.text.replace(/&/g, '&amp;')}`);
    expect(all).toContain(':clipboard: *Before you go*');
    expect(all).toContain('*Devices*\n☐ Take only the devices');
    expectWithinLimits(view.blocks as never, SLACK_LIMITS.viewBlocks);
  });

  it('gives a 13-country trip one merged list: every item once, with "only for" where it is not for all', () => {
    const all = allPages('checklist', thirteen);
    for (const item of thirteen.checklist) expect(all.split(`☐ ${item.text}`), item.id).toHaveLength(2);
    expect(all).toContain('☐ VPNs are banned here, so do not install, set up or use a VPN, including the company VPN.');
    expect(all).toMatch(/VPNs are banned here[^\n]*_\(only for Turkmenistan\)_/);
    expect(all).toMatch(/Take only the devices and data the trip needs[^\n(]*\n/);
  });
});

describe('detailsView: Why this level', () => {
  it('shows Kyrgyzstan\'s basis with sources by name, the indicators with evidence, law and every source', () => {
    const view = detailsView('why', kg);
    expect(view.title.text).toBe('Why this level');
    const all = texts(view.blocks as never);
    const d = kg.destinations[0]!;
    expect(all).toContain(`Kyrgyzstan: ${levelHeadline(d)}`);
    expect(all).toMatch(/\*Why this level\*\n• Assessed: score \d+ of 12/);
    expect(all).toContain('*Indicators found (4 of 6)*');
    for (const i of d.indicators.filter((x) => x.status === 'present')) expect(all).toContain(`*${i.name}*: ${i.evidence.replace(/&/g, '&amp;')}`);
    expect(all).toMatch(/\(<https:[^|>]+\|Dark Reading \(via SecHead\): Russia-linked SORM [^>]*…>; <https:[^|>]+\|Recorded Future \(Insikt Group\): [^>]+>\)/);
    expect(all).toContain(`VPN: ${d.law.vpn.status}.`);
    expect(all).toContain(`*Sources (${kg.sources.length})*`);
    for (const s of kg.sources) expect(all).not.toContain(`|${s.id}>`);
    expectWithinLimits(view.blocks as never, SLACK_LIMITS.viewBlocks);
  });

  it('reaches every destination of a 13-country trip, paging when one view is not enough', () => {
    const all = allPages('why', thirteen);
    for (const d of thirteen.destinations) expect(all).toContain(`${d.countryName}: ${levelHeadline(d)}`);
    for (const page of detailsPages('why', thirteen, SLACK_LIMITS.messageBlocks)) expectWithinLimits(page, SLACK_LIMITS.messageBlocks - 2);
  });

  it('pages a trip too large for one view, with buttons that carry the destinations and the page', () => {
    const d = thirteen.destinations;
    const many = answerSchema.parse({ ...thirteen, destinations: [...d, ...d, ...d].map((x, i) => ({ ...x, countryName: `${x.countryName} ${i}` })) });
    const pages = detailsPages('why', many, SLACK_LIMITS.viewBlocks);
    expect(pages.length).toBeGreaterThan(1);
    const first = detailsView('why', many);
    expectWithinLimits(first.blocks as never, SLACK_LIMITS.viewBlocks);
    const nav = (first.blocks as AnyBlock[]).find((b) => b.type === 'actions')!;
    expect(nav.elements!.map((e) => [(e.text as { text: string }).text, e.action_id])).toEqual([['Next page', ACTION_IDS.why]]);
    expect(parseActionValue(detailsValueSchema, nav.elements![0]!.value)).toEqual({ d: many.destinations.map((x) => x.countryCode), p: 2 });
    const last = detailsView('why', many, pages.length);
    expect(texts(last.blocks as never)).toContain(`Page ${pages.length} of ${pages.length}`);
    const all = allPages('why', many);
    for (const x of many.destinations) expect(all).toContain(`${x.countryName}: `);
  });

  it('stays within the view and message limits for every frozen answer', () => {
    for (const name of ANSWER_FIXTURES)
      for (const kind of ['checklist', 'why'] as const) {
        const view = detailsView(kind, answerFixture(name));
        expect(view.title.text.length).toBeLessThanOrEqual(SLACK_LIMITS.modalTitle);
        expect(view.close!.text.length).toBeLessThanOrEqual(SLACK_LIMITS.modalButton);
        expectWithinLimits(view.blocks as never, SLACK_LIMITS.viewBlocks);
        for (const page of detailsPages(kind, answerFixture(name), SLACK_LIMITS.messageBlocks)) expectWithinLimits(page);
      }
  });
});
