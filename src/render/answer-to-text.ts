/**
 * Plain-text rendering of an Answer, for terminals and as the fallback `text` of
 * chat messages. Pure: everything it shows comes from the Answer.
 */
import type { Answer, Destination, TripItem } from '../advisor/answer.js';
import { advisoryLine, basisLines, levelHeadline, tierLine } from './level-words.js';
import { PHASE_TITLES, PHASE_WORDS } from './copy.js';
import { onlyForText } from './trip-words.js';
import { summaryWithMarkers } from './copy.js';

export interface TextOptions {
  /** Show the key actions, checklist and indicators in full (terminal) or only the headline (notification). */
  full?: boolean;
}

function destinationText(d: Destination, full: boolean): string[] {
  const lines = [`${d.countryName} (${d.countryCode}): risk ${levelHeadline(d)}`, `  ${d.risk.meaning}`, `  ${tierLine(d)}`];
  if (d.risk.override) lines.push(`  Level set by the security team (computed: ${d.risk.override.computedLevel}): ${d.risk.override.rationale}`);
  if (!full) return lines;
  lines.push('', '  Why this level:');
  for (const b of basisLines(d)) lines.push(`  - ${b.text}${b.sources.length ? ` [${b.sources.join(', ')}]` : ''}${b.date ? ` (${b.date})` : ''}`);
  const advisory = advisoryLine(d);
  if (advisory) lines.push(`  ${advisory} <${d.advisory!.url}>`);
  const present = d.indicators.filter((i) => i.status === 'present');
  if (present.length) {
    lines.push('', '  Indicators found:');
    for (const i of present) lines.push(`  - ${i.name}: ${i.evidence} [${i.sources.join(', ')}]`);
  }
  const unknown = d.indicators.filter((i) => i.status === 'unknown');
  if (unknown.length) lines.push(`  Not known: ${unknown.map((i) => i.name).join('; ')}.`);
  lines.push('', `  VPN: ${d.law.vpn.status}. Encryption: ${d.law.encryption.status}.`);
  if (d.lastReviewed) lines.push('', `  Content last reviewed ${d.lastReviewed}.`);
  return lines;
}

export function answerToText(answer: Answer, options: TextOptions = {}): string {
  const full = options.full ?? true;
  const out: string[] = [];
  if (answer.message) out.push(answer.message);
  // A trip known only by its end ("back from Moscow yesterday") reads "Trip: until …".
  if (answer.trip && (answer.trip.start || answer.trip.end))
    out.push(answer.trip.start ? `Trip: ${answer.trip.start}${answer.trip.end ? ` to ${answer.trip.end}` : ''}` : `Trip: until ${answer.trip.end}`);
  for (const d of answer.destinations) {
    if (out.length) out.push('');
    out.push(...destinationText(d, full));
  }
  const more = (item: TripItem) => {
    const only = onlyForText(item, answer);
    return only ? `; ${only}` : '';
  };
  if (full && answer.keyActions.length) {
    out.push('', 'Do these first:');
    answer.keyActions.forEach((k, i) => out.push(`  ${i + 1}. ${k.text} (${PHASE_WORDS[k.phase]}${more(k)})`));
  }
  if (answer.summary) {
    out.push('', 'Summary:', summaryWithMarkers(answer.summary));
    if (full) answer.summary.citations.forEach((c, i) => out.push(`  [${i + 1}] ${c.title} <${c.url}>`));
  }
  // One merged checklist for the whole trip; an item for only some destinations names them.
  for (const phase of full ? (['before', 'during', 'after'] as const) : []) {
    const items = answer.checklist.filter((c) => c.phase === phase);
    if (!items.length) continue;
    out.push('', `${PHASE_TITLES[phase]}:`);
    for (const c of items) out.push(`  [ ] ${c.text} (${c.categoryTitle}${more(c)})`);
  }
  if (full && answer.sources.length) {
    out.push('', 'Sources:');
    for (const s of answer.sources) out.push(`  ${s.id}: ${s.publisher}, "${s.title}" (${s.date}) ${s.url}`);
  }
  return out.join('\n');
}
