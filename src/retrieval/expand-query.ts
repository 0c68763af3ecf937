/**
 * A small travel-security thesaurus: people ask about the apps, devices and fears they
 * have ("is WhatsApp safe?"), while the content speaks of what to assume and do
 * ("use end-to-end encrypted apps"). Expansions bridge that gap at lower weight than the
 * question's own words and never count towards grounding (minCoverage), so they can
 * rank passages but cannot make an unanswerable question look answered.
 * Keys and values are content words as folded by src/content/terms.ts.
 */
import { contentTerms } from '../content/terms.js';

const MESSAGING = ['encrypted', 'app', 'message', 'conversation', 'end-to-end'];
const DEVICE = ['device', 'data', 'carry'];

export const EXPANSIONS: Readonly<Record<string, readonly string[]>> = {
  whatsapp: MESSAGING,
  telegram: MESSAGING,
  signal: MESSAGING,
  viber: MESSAGING,
  imessage: MESSAGING,
  messenger: MESSAGING,
  chat: MESSAGING,
  texting: ['text', 'message'],
  sm: ['text', 'message'],
  email: ['encrypted', 'traffic'],
  safe: ['assume', 'risk'],
  safety: ['assume', 'risk'],
  dangerous: ['assume', 'risk'],
  risky: ['assume', 'risk'],
  worry: ['assume', 'risk'],
  phone: ['call', 'device', 'mobile'],
  laptop: DEVICE,
  bring: DEVICE,
  pack: DEVICE,
  wifi: ['network', 'certificate', 'traffic'],
  hotel: ['network', 'certificate'],
  spy: ['surveillance', 'interception', 'monitoring'],
  eavesdrop: ['interception', 'monitoring'],
  monitor: ['surveillance', 'interception', 'monitoring'],
  tap: ['interception', 'wiretap'],
  listen: ['interception', 'call'],
  legal: ['law', 'ban', 'banned'],
  allowed: ['law', 'ban', 'banned'],
  illegal: ['law', 'ban', 'banned'],
  cctv: ['camera'],
  camera: ['cctv', 'video'],
  supplier: ['provider', 'vendor'],
  vendor: ['provider', 'supplier'],
  maker: ['provider', 'supplier'],
  make: ['provider', 'supplier'],
};

/** The expansion words for a question, without the words it already has; empty when none apply. */
export function expandQuery(question: string): string[] {
  const own = new Set(contentTerms(question));
  const extra = new Set<string>();
  for (const t of own) for (const e of EXPANSIONS[t] ?? []) if (!own.has(e)) extra.add(e);
  return [...extra];
}
