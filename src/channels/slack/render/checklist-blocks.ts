/**
 * The trip's one merged checklist as Block Kit: by phase, then category, every item
 * once, and an item for only some destinations names them ("only for Kazakhstan").
 * Used by the "Full checklist" view and by reminders (the phases that matter now).
 * Pure; long phases are split into several sections, never cut.
 */
import type { Answer } from '../../../advisor/answer.js';
import { PHASE_TITLES, onlyForText, type Phase } from '../../../render/trip-words.js';
import { section, type SlackBlock } from './block-parts.js';
import { escapeMrkdwn } from './mrkdwn.js';

export interface ChecklistBlockOptions {
  /** Only these phases (default all three). */
  phases?: Phase[];
}

export function checklistBlocks(answer: Answer, options: ChecklistBlockOptions = {}): SlackBlock[] {
  const blocks: SlackBlock[] = [];
  for (const phase of options.phases ?? (['before', 'during', 'after'] as const)) {
    const items = answer.checklist.filter((c) => c.phase === phase);
    if (!items.length) continue;
    const byCategory = new Map<string, typeof items>();
    for (const c of items) byCategory.set(c.categoryTitle, [...(byCategory.get(c.categoryTitle) ?? []), c]);
    const parts = [...byCategory].map(([title, list]) => {
      const lines = list.map((c) => {
        const only = onlyForText(c, answer);
        return `☐ ${escapeMrkdwn(c.text)}${only ? ` _(${escapeMrkdwn(only)})_` : ''}`;
      });
      return `*${escapeMrkdwn(title)}*\n${lines.join('\n')}`;
    });
    blocks.push(...section(`:clipboard: *${PHASE_TITLES[phase]}*\n${parts.join('\n')}`));
  }
  return blocks;
}
