/**
 * The words of a risk-change alert, shared by every door: the headline, what changed
 * per destination, why (the new basis, each fact with its sources by publisher and
 * title) and what to do now (the key actions). Pure: everything comes from the
 * AlertDelivery, whose Answer is built from the new content. VPN wording only reports
 * the law ("now banned, was unknown"); it never tells anyone to use a VPN.
 */
import type { Answer, Destination } from '../advisor/answer.js';
import type { AlertChange, AlertDelivery, DestinationChange, LevelState } from '../alerts/types.js';
import { basisLines } from './level-words.js';
import { PHASE_WORDS, listWords, onlyForText, sourceName } from './trip-words.js';

const TIER_WORDS = { assessed: 'assessed', screened: 'screened (a few dated facts, not a full assessment)', 'not-assessed': 'not assessed' } as const;
const LAW_WORDS = { allowed: 'allowed', restricted: 'restricted', banned: 'banned', unknown: 'unknown (no source in the content base)' } as const;

const levelWords = (s: LevelState) => `${s.floor && s.level > 1 ? 'at least ' : ''}${s.label} (level ${s.level} of 4)`;

/** "Risk update for your trip to Kazakhstan (2026-11-30 to 2026-12-04)". */
export function alertHeadline(alert: AlertDelivery): string {
  const names = listWords(alert.destinations.map((d) => d.countryName));
  const dates = `${alert.trip.start}${alert.trip.end ? ` to ${alert.trip.end}` : ''}`;
  return `Risk update for your trip to ${names} (${dates})`;
}

function itemText(answer: Answer, id: string): string {
  return (answer.checklist.find((c) => c.id === id) ?? answer.destinations.flatMap((d) => d.checklist).find((c) => c.id === id))?.text ?? id;
}

/** One sentence per change, e.g. "The surveillance risk level went up from high (level 3 of 4) to severe (level 4 of 4)." */
export function changeSentence(change: AlertChange, answer: Answer): string {
  switch (change.kind) {
    case 'level': {
      const way = change.to.level > change.from.level ? 'went up' : 'went down';
      return `The surveillance risk level ${way} from ${levelWords(change.from)} to ${levelWords(change.to)}.`;
    }
    case 'tier':
      return `What the content base knows changed: it was ${TIER_WORDS[change.from]}, it is now ${TIER_WORDS[change.to]}.`;
    case 'vpn':
    case 'encryption':
      return `${change.kind === 'vpn' ? 'VPN use' : 'Encryption'}: now ${LAW_WORDS[change.to]}, was ${LAW_WORDS[change.from]}.`;
    case 'key-actions':
      return `New ${change.added.length === 1 ? 'key action' : 'key actions'}: ${change.added.map((id) => itemText(answer, id)).join(' ')}`;
  }
}

/** The changes of one destination, as sentences. */
export function changeSentences(dc: DestinationChange, answer: Answer): string[] {
  return dc.changes.map((c) => changeSentence(c, answer));
}

/** One reason the destination stands where it does, with the sources to check it. */
export interface WhyLine {
  text: string;
  date: string | null;
  /** At most MAX_WHY_SOURCES, by publisher and title; the rest are under "Why this level". */
  sources: Array<{ name: string; url: string }>;
  moreSources: number;
}

/** Sources named per line of an alert; every source stays one click away ("Why this level"). */
export const MAX_WHY_SOURCES = 3;

/**
 * Why the destination now stands where it does: its basis (each fact with its sources and
 * date), and for a VPN or encryption law change, the law's note and sources.
 */
export function whyLines(answer: Answer, dc: Pick<DestinationChange, 'countryCode' | 'changes'>): WhyLine[] {
  const d: Destination | undefined = answer.destinations.find((x) => x.countryCode === dc.countryCode);
  if (!d) return [];
  const byId = new Map(answer.sources.map((s) => [s.id, s]));
  const line = (text: string, date: string | null, ids: string[]): WhyLine => {
    const found = ids.map((id) => byId.get(id)).filter((s) => s !== undefined);
    return { text, date, sources: found.slice(0, MAX_WHY_SOURCES).map((s) => ({ name: sourceName(s, 90), url: s.url })), moreSources: Math.max(0, found.length - MAX_WHY_SOURCES) };
  };
  const out = basisLines(d).map((b) => line(b.text, b.date, b.sources));
  for (const c of dc.changes)
    if (c.kind === 'vpn' || c.kind === 'encryption') out.push(line(`${c.kind === 'vpn' ? 'VPN' : 'Encryption'} law: ${d.law[c.kind].note}`, null, d.law[c.kind].sources));
  return out;
}

/** " Sources: A; B; C and 2 more", links drawn by the door. */
export function sourcesText(w: WhyLine, draw: (s: { name: string; url: string }) => string): string {
  if (!w.sources.length) return '';
  return ` Sources: ${w.sources.map(draw).join('; ')}${w.moreSources ? ` and ${w.moreSources} more` : ''}`;
}

/** What to do now: the key actions of the changed destinations, with their phase. */
export function whatToDoLines(answer: Answer): string[] {
  return answer.keyActions.map((k) => {
    const only = onlyForText(k, answer);
    return `${k.text} (${PHASE_WORDS[k.phase]}${only ? `; ${only}` : ''})`;
  });
}

/** The whole alert as plain text: notifications, the Slack fallback, logs of tests. */
export function alertToText(alert: AlertDelivery): string {
  const out = [`${alertHeadline(alert)}: the advice for your trip has changed.`];
  for (const dc of alert.destinations) {
    out.push('', `${dc.countryName}:`, ...changeSentences(dc, alert.answer).map((s) => `- ${s}`));
    const why = whyLines(alert.answer, dc);
    if (why.length) {
      out.push('Why:');
      for (const w of why) out.push(`- ${w.text}${w.date ? ` (${w.date})` : ''}${sourcesText(w, (s) => `${s.name} <${s.url}>`)}`);
    }
  }
  const todo = whatToDoLines(alert.answer);
  if (todo.length) out.push('', 'What to do now:', ...todo.map((t, i) => `${i + 1}. ${t}`));
  return out.join('\n');
}
