/** Slack's limits as the renderers rely on them; a change here must be a deliberate one. */
import { describe, expect, it } from 'vitest';
import { SLACK_LIMITS } from './limits.js';
import { clamp, splitText } from './render/mrkdwn.js';

describe('SLACK_LIMITS', () => {
  it('states each Block Kit limit by name', () => {
    expect(SLACK_LIMITS.messageBlocks).toBe(50);
    expect(SLACK_LIMITS.viewBlocks).toBe(100);
    expect(SLACK_LIMITS.sectionText).toBe(3000);
    expect(SLACK_LIMITS.headerText).toBe(150);
    expect(SLACK_LIMITS.contextElements).toBe(10);
    expect(SLACK_LIMITS.actionsElements).toBe(25);
    expect(SLACK_LIMITS.buttonText).toBe(75);
    expect(SLACK_LIMITS.buttonValue).toBe(2000);
    expect(SLACK_LIMITS.actionId).toBe(255);
    expect(SLACK_LIMITS.fallbackText).toBe(40000);
    expect(SLACK_LIMITS.suggestedPrompts).toBe(4);
  });
});

describe('text fitting', () => {
  it('clamps with an ellipsis only when needed', () => {
    expect(clamp('short', 150)).toBe('short');
    const cut = clamp('x'.repeat(200), SLACK_LIMITS.headerText);
    expect(cut).toHaveLength(SLACK_LIMITS.headerText);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('splits at line breaks, keeps every word and never exceeds the limit', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `• item ${i} with some words <https://example.com/${i}|source ${i}>`);
    const chunks = splitText(lines.join('\n'), SLACK_LIMITS.sectionText);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(chunks.join('\n')).toBe(lines.join('\n'));
  });

  it('splits one long line at spaces without breaking links', () => {
    const text = Array.from({ length: 300 }, (_, i) => `word <https://example.com/${i}|link ${i}>`).join(' ');
    const chunks = splitText(text, 1000);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(1000);
      expect((c.match(/</g) ?? []).length).toBe((c.match(/>/g) ?? []).length);
    }
  });
});
