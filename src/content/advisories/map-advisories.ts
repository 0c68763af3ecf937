/**
 * Turns feed items into one advisory per ISO code. The tag is the key (STATE_DEPT_TAGS);
 * a tag shared by several places is resolved by the item's name; the page address, which
 * names the ISO alpha-3 code for most items (`destination.sau.html`), is the check.
 * Where a code gets several items (old and new pages of one place, West Bank and Gaza),
 * the newest wins, then the higher level (the cautious choice), then the newer kind of page. Everything that was not
 * straightforward is reported, never silently dropped.
 */
import isoCountries from 'i18n-iso-countries';
import type { AdvisoryItem } from './advisory-item.js';
import { SHARED_TAGS, STATE_DEPT_TAGS } from './state-dept-tags.js';

export interface MappedAdvisories {
  /** The advisory each ISO code gets. */
  byCode: Map<string, AdvisoryItem>;
  /** Items with no ISO code: an unknown tag, or a tag for a group of places. */
  unmapped: Array<{ item: AdvisoryItem; why: string }>;
  /** Items with a tag the table does not know, mapped by their page address or name instead. */
  guessed: Array<{ item: AdvisoryItem; code: string; why: string }>;
  /** Codes that several items map to: which one was kept and which were not. */
  duplicates: Array<{ code: string; kept: AdvisoryItem; dropped: AdvisoryItem[] }>;
  /** Tags used for more than one place in this feed. */
  sharedTags: Array<{ tag: string; names: string[] }>;
  /** Items whose page address names another country than the tag does. */
  disagreements: Array<{ item: AdvisoryItem; byTag: string; byLink: string }>;
}

/** Non-ISO alpha-3 codes in the Department's page addresses. */
const LINK_CODES: Record<string, string> = { xks: 'XK', xqx: 'BQ' };

/** The ISO alpha-2 code named by an item's page address, when it names one. */
export function codeFromLink(url: string): string | null {
  const a3 = /destination\.([a-z]{3})\.html/i.exec(url)?.[1]?.toLowerCase();
  if (!a3) return null;
  return LINK_CODES[a3] ?? isoCountries.alpha3ToAlpha2(a3.toUpperCase()) ?? null;
}

function codeFor(item: AdvisoryItem): { code: string | null; why?: string; guessed?: boolean } {
  const shared = SHARED_TAGS[item.tag];
  if (shared) {
    if (!(item.name in shared)) return { code: null, why: `tag ${item.tag} is shared by several places and "${item.name}" is not one the importer knows` };
    const code = shared[item.name] ?? null;
    return code ? { code } : { code: null, why: `tag ${item.tag} ("${item.name}") covers a group of places, each with an advisory of its own` };
  }
  if (item.tag in STATE_DEPT_TAGS) return { code: STATE_DEPT_TAGS[item.tag]! };
  // An unknown tag: fall back to the page address, then the name, and report it.
  const guess = codeFromLink(item.url) ?? isoCountries.getAlpha2Code(item.name, 'en') ?? null;
  return guess
    ? { code: guess, guessed: true, why: `unknown tag ${item.tag}: mapped by its ${codeFromLink(item.url) ? 'page address' : 'name'}` }
    : { code: null, why: `unknown tag ${item.tag}, and neither its page address nor its name names a country` };
}

/** Newer date first, then the higher level, then the item on the newer kind of page (named by ISO code). */
const newer = (a: AdvisoryItem, b: AdvisoryItem) =>
  a.date.localeCompare(b.date) || a.level - b.level || Number(codeFromLink(a.url) !== null) - Number(codeFromLink(b.url) !== null);

export function mapAdvisories(items: AdvisoryItem[]): MappedAdvisories {
  const byCode = new Map<string, AdvisoryItem[]>();
  const unmapped: MappedAdvisories['unmapped'] = [];
  const guessed: MappedAdvisories['guessed'] = [];
  const disagreements: MappedAdvisories['disagreements'] = [];
  const namesByTag = new Map<string, Set<string>>();
  for (const item of items) {
    namesByTag.set(item.tag, (namesByTag.get(item.tag) ?? new Set()).add(item.name));
    const { code, why, guessed: wasGuessed } = codeFor(item);
    if (!code) {
      unmapped.push({ item, why: why! });
      continue;
    }
    if (wasGuessed) guessed.push({ item, code, why: why! });
    const byLink = codeFromLink(item.url);
    if (byLink && byLink !== code) disagreements.push({ item, byTag: code, byLink });
    byCode.set(code, [...(byCode.get(code) ?? []), item]);
  }
  const duplicates: MappedAdvisories['duplicates'] = [];
  const chosen = new Map<string, AdvisoryItem>();
  for (const [code, list] of [...byCode].sort(([a], [b]) => a.localeCompare(b))) {
    const sorted = [...list].sort((a, b) => newer(b, a));
    chosen.set(code, sorted[0]!);
    if (sorted.length > 1) duplicates.push({ code, kept: sorted[0]!, dropped: sorted.slice(1) });
  }
  const sharedTags = [...namesByTag]
    .filter(([, names]) => names.size > 1)
    .map(([tag, names]) => ({ tag, names: [...names] }));
  return { byCode: chosen, unmapped, guessed, duplicates, sharedTags, disagreements };
}
