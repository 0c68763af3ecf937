/**
 * "Why this level" as Block Kit: for each destination its level, meaning and tier, the
 * basis (every fact and rule with its sources and date), the official advisory as
 * context, the indicators found with their evidence, what is not known, and the VPN and
 * encryption law; then every source of the answer by publisher and title (never a raw
 * id). One group of blocks per destination, so a view can page between them. Pure.
 */
import type { Answer, Destination } from '../../../advisor/answer.js';
import { advisoryLine, basisLines, levelHeadline } from '../../../render/level-words.js';
import { sourceName } from '../../../render/trip-words.js';
import { context, header, section, type SlackBlock } from './block-parts.js';
import { levelSection } from './answer-to-block-kit.js';
import { escapeMrkdwn, link } from './mrkdwn.js';

/** Titles in inline source links are cut to this many characters; the sources list has them whole. */
const INLINE_TITLE = 48;

type SourceRef = Answer['sources'][number];

/** "(<url|Recorded Future (Insikt Group): Tracking Deployment of …>, …)": by publisher and title. */
export function sourceLinks(ids: string[], sources: Map<string, SourceRef>): string {
  const links = ids.map((id) => {
    const s = sources.get(id);
    return s ? link(s.url, sourceName(s, INLINE_TITLE)) : escapeMrkdwn(id);
  });
  return links.length ? ` (${links.join('; ')})` : '';
}

function destinationGroup(d: Destination, sources: Map<string, SourceRef>): SlackBlock[] {
  const blocks: SlackBlock[] = [header(`${d.countryName}: ${levelHeadline(d)}`), ...section(levelSection(d))];
  const basis = basisLines(d).map((b) => `• ${escapeMrkdwn(b.text)}${sourceLinks(b.sources, sources)}${b.date ? ` _(${escapeMrkdwn(b.date)})_` : ''}`);
  blocks.push(...section(`*Why this level*\n${basis.join('\n')}`));
  const advisory = advisoryLine(d);
  if (advisory && d.advisory) blocks.push(context([`${escapeMrkdwn(advisory)} ${link(d.advisory.url, 'Advisory')}`]));
  const present = d.indicators.filter((i) => i.status === 'present');
  if (present.length) {
    const lines = present.map((i) => `• *${escapeMrkdwn(i.name)}*: ${escapeMrkdwn(i.evidence)}${sourceLinks(i.sources, sources)}`);
    blocks.push(...section(`*Indicators found (${present.length} of ${d.indicators.length})*\n${lines.join('\n')}`));
  }
  const notes: string[] = [];
  const unknown = d.indicators.filter((i) => i.status === 'unknown');
  if (unknown.length) notes.push(`Not known: ${unknown.map((i) => escapeMrkdwn(i.name)).join('; ')}.`);
  const law = (name: string, l: Destination['law']['vpn']) => `${name}: ${l.status}. ${escapeMrkdwn(l.note)}${sourceLinks(l.sources, sources)}`;
  notes.push(law('VPN', d.law.vpn), law('Encryption', d.law.encryption));
  if (d.lastReviewed) notes.push(`Content last reviewed ${escapeMrkdwn(d.lastReviewed)}.`);
  blocks.push(context(notes));
  return blocks;
}

/** The blocks of "Why this level", in groups: one per destination, then the sources. */
export function whyBlockGroups(answer: Answer): SlackBlock[][] {
  const sources = new Map(answer.sources.map((s) => [s.id, s]));
  const groups = answer.destinations.map((d) => destinationGroup(d, sources));
  if (answer.sources.length) {
    const lines = answer.sources.map((s) => `• ${link(s.url, sourceName(s))} _(${escapeMrkdwn(s.date)})_`);
    groups.push(section(`*Sources (${answer.sources.length})*\n${lines.join('\n')}`));
  }
  return groups;
}
