/**
 * Reads the US State Department's travel advisories in either form the importer
 * accepts: the RSS feed itself (https://travel.state.gov/_res/rss/TAsTWs.xml: items
 * with `Threat-Level` and `Country-Tag` categories), or a tab-separated snapshot of it
 * with the columns tag, name, level, level_text, published, due_to, link (the form of
 * shared/data/us-travel-advisories-*.tsv). Problems are reported per item, never thrown
 * for one bad item.
 */
import { XMLParser } from 'fast-xml-parser';
import { AdvisorError } from '../../errors.js';
import { decodeEntities, reasonsFrom, type AdvisoryItem } from './advisory-item.js';

export interface ParsedFeed {
  items: AdvisoryItem[];
  /** Items that could not be read, with why. */
  skipped: string[];
  /** The feed's own date (channel pubDate / dc:date), YYYY-MM-DD, when it has one. */
  feedDate: string | null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "Tue, 15 Sep 2026" (RFC 822, with or without a time) → "2026-09-15". */
export function rssDate(value: string): string | null {
  const m = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})/.exec(value);
  if (!m) return null;
  const month = MONTHS.indexOf(m[2]!.toLowerCase());
  if (month < 0) return null;
  return `${m[3]}-${String(month + 1).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}

function levelFrom(text: string): { level: AdvisoryItem['level']; title: string } | null {
  const m = /^\s*Level\s+([1-4])\s*:\s*(.+?)\s*$/i.exec(text);
  return m ? { level: Number(m[1]) as AdvisoryItem['level'], title: m[2]! } : null;
}

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
// Entities are decoded here, not by the parser, so a DOCTYPE cannot define and expand its own.
const rawText = (v: unknown): string => (typeof v === 'object' && v !== null ? String((v as Record<string, unknown>)['#text'] ?? '') : String(v ?? ''));
const textOf = (v: unknown): string => decodeEntities(rawText(v));

export function parseAdvisoryRss(xml: string): ParsedFeed {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', processEntities: false, parseTagValue: false, trimValues: true });
  let doc: Record<string, any>;
  try {
    doc = parser.parse(xml);
  } catch (error) {
    throw new AdvisorError(`not a readable RSS feed: ${(error as Error).message.split('\n')[0]}`, 'INPUT_INVALID', { cause: error });
  }
  const channel = doc?.rss?.channel;
  if (!channel) throw new AdvisorError('not an RSS feed: no <rss><channel> element', 'INPUT_INVALID');
  const items: AdvisoryItem[] = [];
  const skipped: string[] = [];
  asArray<Record<string, unknown>>(channel.item).forEach((item, i) => {
    const title = textOf(item.title);
    const categories = asArray(item.category as unknown) as Array<Record<string, string> | string>;
    const category = (domain: string) => {
      const c = categories.find((x) => typeof x === 'object' && x['@domain'] === domain);
      return c ? textOf(c).trim() : '';
    };
    const tag = category('Country-Tag');
    const level = levelFrom(category('Threat-Level'));
    const date = rssDate(textOf(item.pubDate));
    const where = `item ${i + 1} ("${title.slice(0, 60)}")`;
    if (!tag) return void skipped.push(`${where}: no Country-Tag category`);
    if (!level) return void skipped.push(`${where}: no readable Threat-Level category`);
    if (!date) return void skipped.push(`${where}: no readable pubDate`);
    const name = title.split(/\s+-\s+Level\s+\d/i)[0]!.replace(/\s+Travel Advisory$/i, '').trim();
    items.push({ tag, name, ...level, date, reasons: reasonsFrom(rawText(item.description)), url: textOf(item.link).trim() });
  });
  const feedDate = rssDate(textOf(channel.pubDate)) ?? (/^\d{4}-\d{2}-\d{2}/.exec(textOf(channel['dc:date']))?.[0] ?? null);
  return { items, skipped, feedDate };
}

const TSV_COLUMNS = ['tag', 'name', 'level', 'level_text', 'published', 'due_to', 'link'];

export function parseAdvisoryTsv(tsv: string): ParsedFeed {
  const lines = tsv.split(/\r?\n/).filter((l) => l.trim());
  const header = lines.shift()?.split('\t') ?? [];
  if (TSV_COLUMNS.some((c, i) => header[i] !== c))
    throw new AdvisorError(`not an advisory snapshot: expected the columns ${TSV_COLUMNS.join(', ')}`, 'INPUT_INVALID');
  const items: AdvisoryItem[] = [];
  const skipped: string[] = [];
  lines.forEach((line, i) => {
    const [tag, name, level, title, date, reasons, url] = line.split('\t').map((x) => x.trim());
    const where = `line ${i + 2}`;
    if (!tag) return void skipped.push(`${where}: no tag`);
    if (!/^[1-4]$/.test(level ?? '')) return void skipped.push(`${where}: level "${level}" is not 1 to 4`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date ?? '')) return void skipped.push(`${where}: date "${date}" is not YYYY-MM-DD`);
    items.push({ tag, name: name!.replace(/\s+Travel Advisory$/i, ''), level: Number(level) as AdvisoryItem['level'], title: title!, date: date!, reasons: reasons ?? '', url: url ?? '' });
  });
  return { items, skipped, feedDate: null };
}

/** RSS when it looks like XML, the snapshot form otherwise. */
export function parseAdvisoryFeed(text: string): ParsedFeed {
  return /^\s*(<\?xml|<rss)/.test(text) ? parseAdvisoryRss(text) : parseAdvisoryTsv(text);
}
