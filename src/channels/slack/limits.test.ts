/**
 * Slack's limits as the renderers rely on them, and our own first-screen budget; a
 * change here must be a deliberate one. Also how visible characters are counted.
 */
import { describe, expect, it } from 'vitest';
import { MAX_KEY_ACTIONS } from '../../advisor/answer.js';
import { FIRST_SCREEN, SLACK_LIMITS } from './limits.js';
import { clamp, splitText } from './render/mrkdwn.js';
import { displayedMrkdwn, visibleLength } from './render/visible-text.js';

describe('SLACK_LIMITS', () => {
  it('states each Block Kit limit by name', () => {
    expect(SLACK_LIMITS.messageBlocks).toBe(50);
    expect(SLACK_LIMITS.viewBlocks).toBe(100);
    expect(SLACK_LIMITS.modalTitle).toBe(24);
    expect(SLACK_LIMITS.modalButton).toBe(24);
    expect(SLACK_LIMITS.sectionText).toBe(3000);
    expect(SLACK_LIMITS.headerText).toBe(150);
    expect(SLACK_LIMITS.contextElements).toBe(10);
    expect(SLACK_LIMITS.actionsElements).toBe(25);
    expect(SLACK_LIMITS.contextActionsElements).toBe(5);
    expect(SLACK_LIMITS.buttonText).toBe(75);
    expect(SLACK_LIMITS.buttonValue).toBe(2000);
    expect(SLACK_LIMITS.actionId).toBe(255);
    expect(SLACK_LIMITS.fallbackText).toBe(40000);
    expect(SLACK_LIMITS.suggestedPrompts).toBe(4);
  });
});

describe('FIRST_SCREEN', () => {
  it('states our budget for the first message by name, and matches the core\'s key-action count', () => {
    expect(FIRST_SCREEN.blocks).toBe(15);
    expect(FIRST_SCREEN.visibleChars).toBe(2500);
    expect(FIRST_SCREEN.keyActions).toBe(5);
    expect(FIRST_SCREEN.keyActions).toBe(MAX_KEY_ACTIONS);
    expect(FIRST_SCREEN.compactFrom).toBe(4);
  });

  it('counts what a reader sees: link labels not URLs, no markup, an emoji as one character', () => {
    expect(displayedMrkdwn(':red_circle: *Level 4.* _see_ <https://example.com/a/very/long/path|the source> &amp; more')).toBe('• Level 4. see the source & more');
    expect(visibleLength([{ type: 'section', text: { type: 'mrkdwn', text: '*Hi*' } }, { type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Go' }, action_id: 'a' }] }])).toBe('Hi\nGo'.length);
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
