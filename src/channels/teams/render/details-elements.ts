/**
 * The rest of an answer, for Teams: the trip's merged checklist (by phase and category,
 * "only for …" where an item is not for every destination) and "Why this level" (per
 * destination the basis with sources and dates, the official advisory as context, the
 * indicators with evidence, what is not known, the VPN and encryption law; then every
 * source by title and publisher). Shown inside the answer card (Action.ShowCard) or,
 * when that would be too large, as follow-up cards (details-activities.ts). Pure.
 */
import type { Answer, Destination } from '../../../advisor/answer.js';
import { advisoryLine, isNeutral, levelHeadline, tierLine } from '../../../render/level-words.js';
import { PHASE_TITLES, onlyForText, type Phase } from '../../../render/trip-words.js';
import { text, type CardElement } from './card-parts.js';

export const LEVEL_COLOR = { 1: 'Good', 2: 'Warning', 3: 'Attention', 4: 'Attention' } as const;
export const LEVEL_STYLE = { 1: 'good', 2: 'warning', 3: 'attention', 4: 'attention' } as const;

/** The level's text colour; not assessed is neutral, never a level colour. */
export function levelColor(d: Destination): string {
  return isNeutral(d) ? 'Default' : LEVEL_COLOR[d.risk.level as 1 | 2 | 3 | 4];
}

/** Markdown links by publisher, in the order the ids are given; ids without a known source stay plain. */
export function sourceLinks(ids: string[], answer: Answer): string {
  return ids
    .map((id) => {
      const s = answer.sources.find((x) => x.id === id);
      return s ? `[${s.publisher || s.title}](${s.url})` : id;
    })
    .join(', ');
}

/** The merged checklist of the given phases; markdown lists joined with \r as Teams renders them. */
export function checklistElements(answer: Answer, phases: Phase[] = ['before', 'during', 'after']): CardElement[] {
  const out: CardElement[] = [];
  for (const phase of phases) {
    const items = answer.checklist.filter((c) => c.phase === phase);
    if (!items.length) continue;
    out.push(text(PHASE_TITLES[phase], { weight: 'Bolder', spacing: 'Medium' }));
    const categories = [...new Set(items.map((c) => c.categoryTitle))];
    for (const title of categories) {
      const lines = items
        .filter((c) => c.categoryTitle === title)
        .map((c) => {
          const only = onlyForText(c, answer);
          return `- ${c.text}${only ? ` _(${only})_` : ''}`;
        });
      out.push(text(`**${title}**\r${lines.join('\r')}`, { spacing: 'Small' }));
    }
  }
  return out;
}

/** "Why this level" for one destination. */
export function whyDestinationElements(d: Destination, answer: Answer): CardElement[] {
  const out: CardElement[] = [
    text(`${d.countryName}: ${levelHeadline(d)}`, { weight: 'Bolder', size: 'Medium', color: levelColor(d), separator: true }),
    text(d.risk.meaning, { spacing: 'Small' }),
    text(tierLine(d), { isSubtle: true, spacing: 'Small' }),
  ];
  if (d.risk.override) out.push(text(`Level set by the security team (computed: ${d.risk.override.computedLevel}): ${d.risk.override.rationale}`, { isSubtle: true }));
  out.push(text('Why this level', { weight: 'Bolder' }));
  for (const b of d.risk.basis) {
    const sources = b.sources.length ? ` (${sourceLinks(b.sources, answer)})` : '';
    out.push(text(`• ${b.text}${sources}${b.date ? ` _${b.date}_` : ''}`, { spacing: 'Small' }));
  }
  const advisory = advisoryLine(d);
  if (advisory && d.advisory) out.push(text(`${advisory} [Advisory](${d.advisory.url})`, { isSubtle: true, size: 'Small' }));
  const present = d.indicators.filter((i) => i.status === 'present');
  if (present.length) {
    out.push(text(`Indicators found (${present.length} of ${d.indicators.length})`, { weight: 'Bolder' }));
    for (const i of present) out.push(text(`• **${i.name}**: ${i.evidence}${i.sources.length ? ` (${sourceLinks(i.sources, answer)})` : ''}`, { spacing: 'Small' }));
  }
  const unknown = d.indicators.filter((i) => i.status === 'unknown');
  if (unknown.length) out.push(text(`Not known: ${unknown.map((i) => i.name).join('; ')}.`, { isSubtle: true, size: 'Small' }));
  out.push({
    type: 'FactSet',
    facts: [
      { title: 'VPN', value: `${d.law.vpn.status}: ${d.law.vpn.note}` },
      { title: 'Encryption', value: `${d.law.encryption.status}: ${d.law.encryption.note}` },
    ],
  });
  if (d.lastReviewed) out.push(text(`Content last reviewed ${d.lastReviewed}.`, { isSubtle: true, size: 'Small' }));
  return out;
}

/** Every source of the answer, by title and publisher, with its date. */
export function sourcesElements(answer: Answer): CardElement[] {
  if (!answer.sources.length) return [];
  return [
    text(`Sources (${answer.sources.length})`, { weight: 'Bolder', separator: true }),
    text(answer.sources.map((s) => `- [${s.title}](${s.url}), ${s.publisher}, ${s.date}`).join('\r'), { size: 'Small', spacing: 'Small' }),
  ];
}

/** "Why this level" in groups: one per destination, then the sources; follow-up cards are packed from them. */
export function whyGroups(answer: Answer): CardElement[][] {
  const groups = answer.destinations.map((d) => whyDestinationElements(d, answer));
  const sources = sourcesElements(answer);
  if (sources.length) groups.push(sources);
  return groups;
}
