/**
 * Plain-text rendering of an Answer, for terminals and as the fallback `text` of
 * chat messages. Pure: everything it shows comes from the Answer.
 */
import type { Answer, Destination, TripItem } from '../advisor/answer.js';
import { advisoryLine, basisLines, levelHeadline, tierLine, type BasisLine } from './level-words.js';
import { PHASE_TITLES, PHASE_WORDS, summaryWithMarkers } from './copy.js';
import { onlyForText } from './trip-words.js';

/**
 * How much to show. `headline`: each destination's level only (a notification's fallback
 * text). `brief`: what fits one terminal screen: level, its basis, the VPN and encryption
 * law, what to do first and the summary, then what `full` adds, counted, so nothing is
 * silently dropped. `full`: everything (indicators with evidence, the whole checklist,
 * sources with addresses).
 */
export type TextDetail = 'headline' | 'brief' | 'full';

export interface TextOptions {
  /** Default `full`. */
  detail?: TextDetail;
}

/** One line of a level's basis with its source ids, which the full text's "Sources" list spells out. */
const basisText = (b: BasisLine) => `${b.text}${b.sources.length ? ` [${b.sources.join(', ')}]` : ''}`;
/**
 * The brief text's basis line: its sources counted, since the ids mean nothing until --full
 * lists them, and a computed score told by its indicators' count rather than every
 * indicator's name (about 300 characters, which --full spells out with the evidence).
 */
function briefBasisText(d: Destination): string | null {
  const basis = d.risk.basis[0];
  if (!basis) return null;
  const n = basis.sources.length;
  const sources = n ? ` (${n} ${n === 1 ? 'source' : 'sources'}, listed with --full)` : '';
  if (basis.kind !== 'indicators') return `${basis.text}${sources}`;
  const count = (status: string) => d.indicators.filter((i) => i.status === status).length;
  const unknown = count('unknown');
  return `${count('present')} of ${d.indicators.length} indicators present${unknown ? `, ${unknown} not known` : ''}${sources}`;
}

function destinationText(d: Destination, detail: TextDetail): string[] {
  const lines = [`${d.countryName} (${d.countryCode}): risk ${levelHeadline(d)}`, `  ${d.risk.meaning}`, `  ${tierLine(d)}`];
  if (d.risk.override) lines.push(`  Level set by the security team (computed: ${d.risk.override.computedLevel}): ${d.risk.override.rationale}`);
  if (detail === 'headline') return lines;
  if (detail === 'brief') {
    const why = briefBasisText(d);
    if (why) lines.push(`  Why: ${why}`);
    lines.push(`  VPN: ${d.law.vpn.status}. Encryption: ${d.law.encryption.status}.`);
    return lines;
  }
  lines.push('', '  Why this level:');
  for (const b of basisLines(d)) lines.push(`  - ${basisText(b)}${b.date ? ` (${b.date})` : ''}`);
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
  const detail = options.detail ?? 'full';
  const full = detail === 'full';
  const out: string[] = [];
  if (answer.message) out.push(answer.message);
  // A trip known only by its end ("back from Moscow yesterday") reads "Trip: until …".
  if (answer.trip && (answer.trip.start || answer.trip.end))
    out.push(answer.trip.start ? `Trip: ${answer.trip.start}${answer.trip.end ? ` to ${answer.trip.end}` : ''}` : `Trip: until ${answer.trip.end}`);
  for (const d of answer.destinations) {
    if (out.length) out.push('');
    out.push(...destinationText(d, detail));
  }
  const more = (item: TripItem) => {
    const only = onlyForText(item, answer);
    return only ? `; ${only}` : '';
  };
  if (detail !== 'headline' && answer.keyActions.length) {
    out.push('', 'Do these first:');
    answer.keyActions.forEach((k, i) => out.push(`  ${i + 1}. ${k.text} (${PHASE_WORDS[k.phase]}${more(k)})`));
  }
  if (answer.summary) {
    out.push('', 'Summary:', summaryWithMarkers(answer.summary));
    if (detail !== 'headline') answer.summary.citations.forEach((c, i) => out.push(`  [${i + 1}] ${c.title}${full ? ` <${c.url}>` : ''}`));
  }
  if (detail === 'brief') {
    const added = moreInFull(answer);
    if (added) out.push('', `More with --full: ${added}.`);
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

/** What the full text adds to the brief one, counted ("19 more checklist items, 4 indicators with evidence, 9 sources"). */
function moreInFull(answer: Answer): string {
  const first = new Set(answer.keyActions.map((k) => k.text));
  const checklist = answer.checklist.filter((c) => !first.has(c.text)).length;
  const indicators = answer.destinations.reduce((n, d) => n + d.indicators.filter((i) => i.status === 'present').length, 0);
  const parts = [
    checklist && `${checklist} more checklist items`,
    indicators && `${indicators} indicators with their evidence`,
    answer.sources.length && `${answer.sources.length} sources with their addresses`,
  ].filter(Boolean);
  return parts.join(', ');
}
