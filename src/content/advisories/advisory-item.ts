/**
 * One item of the US State Department's travel advisories feed, as the importer reads
 * it from the RSS feed or from a tab-separated snapshot of it (see
 * parse-advisory-feed.ts). Values are as the feed gives them, trimmed.
 */
export interface AdvisoryItem {
  /** The feed's `Country-Tag` (State Department code, mostly FIPS 10-4). */
  tag: string;
  /** The place, from the title before " - Level". */
  name: string;
  level: 1 | 2 | 3 | 4;
  /** "Reconsider Travel", from the Threat-Level category. */
  title: string;
  /** Publication date, YYYY-MM-DD. */
  date: string;
  /** The words after "due to" in the first sentence of the description, or "". */
  reasons: string;
  url: string;
}

/** The words after "due to" in the first sentence of a description, as plain text (at most 300 characters). */
export function reasonsFrom(descriptionHtml: string): string {
  const text = decodeEntities(descriptionHtml.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
  const first = /^(.*?[.!?])(\s|$)/.exec(text)?.[1] ?? text;
  const due = /\bdue to\s+(.*)$/i.exec(first);
  return due ? due[1]!.replace(/[.!?]$/, '').trim().slice(0, 300) : '';
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: '’', lsquo: '‘', ldquo: '“', rdquo: '”', ndash: '–', mdash: '—' };

/** Decodes the character references the feed uses (XML and common HTML ones). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}
