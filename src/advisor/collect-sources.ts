/** The sources an Answer rests on, each once, in order of first use. */
import type { ContentBase } from '../content/types.js';
import type { Answer, Destination, Summary } from './answer.js';

export function collectSources(content: ContentBase, destinations: Destination[], summary: Summary | null): Answer['sources'] {
  const ids: string[] = [];
  const add = (list: string[]) => list.forEach((id) => ids.includes(id) || ids.push(id));
  add(summary?.citations.map((c) => c.id) ?? []);
  for (const d of destinations) {
    d.risk.basis.forEach((b) => add(b.sources));
    d.indicators.forEach((i) => add(i.sources));
    add(d.law.vpn.sources);
    add(d.law.encryption.sources);
    d.checklist.forEach((c) => add(c.sources));
  }
  return ids
    .map((id) => content.sources.get(id))
    .filter((s) => s !== undefined)
    .map(({ id, title, publisher, date, url }) => ({ id, title, publisher, date, url }));
}
