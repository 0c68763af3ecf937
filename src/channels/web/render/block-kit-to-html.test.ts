/**
 * Block Kit drawn as HTML: each block type the Slack renderer uses, buttons that
 * carry their action back, and a visible note (never silence) for what is not drawn.
 */
import { describe, expect, it } from 'vitest';
import { blockKitToHtml } from './block-kit-to-html.js';

describe('blockKitToHtml', () => {
  it('draws header, section with fields, context, divider and actions', () => {
    const html = blockKitToHtml({
      text: 'fallback',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Kyrgyzstan: level 3' } },
        { type: 'section', text: { type: 'mrkdwn', text: '*Bold*' }, fields: [{ type: 'mrkdwn', text: '_VPN_' }, { type: 'plain_text', text: 'unknown' }] },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'Reviewed 2026-11-23' }] },
        { type: 'divider' },
        {
          type: 'actions',
          elements: [
            { type: 'button', text: { type: 'plain_text', text: 'Remind me' }, action_id: 'travel_remind', value: '{"d":["KG"]}', style: 'primary' },
            { type: 'button', text: { type: 'plain_text', text: 'Open' }, url: 'https://example.org/' },
          ],
        },
      ],
    });
    expect(html).toContain('<div class="sk-block sk-header" role="heading" aria-level="3">Kyrgyzstan: level 3</div>');
    expect(html).toContain('<strong>Bold</strong>');
    expect(html).toContain('<div class="sk-field"><p><em>VPN</em></p></div><div class="sk-field">unknown</div>');
    expect(html).toContain('<div class="sk-context-text"><p>Reviewed 2026-11-23</p></div>');
    expect(html).toContain('<hr class="sk-block sk-divider">');
    expect(html).toContain(
      '<button type="button" class="sk-button sk-primary" data-platform="slack" data-action-id="travel_remind" data-value="{&quot;d&quot;:[&quot;KG&quot;]}">Remind me</button>',
    );
    expect(html).toContain('<a class="sk-button" href="https://example.org/" target="_blank" rel="noopener noreferrer" data-action-id="">Open</a>');
    expect(html).not.toContain('fallback');
  });

  it('shows the text when there are no blocks, as Slack does', () => {
    expect(blockKitToHtml({ text: '*hi*' })).toContain('<strong>hi</strong>');
  });

  it('names a block or element it does not draw instead of dropping it', () => {
    const html = blockKitToHtml({ blocks: [{ type: 'video' }, { type: 'actions', elements: [{ type: 'rich_thing' }] }] });
    expect(html).toContain('Not drawn by the playground: block <code>video</code>');
    expect(html).toContain('Not drawn by the playground: element <code>rich_thing</code>');
  });

  it('draws a section accessory button beside the text', () => {
    const html = blockKitToHtml({
      blocks: [{ type: 'section', text: { type: 'plain_text', text: 'x' }, accessory: { type: 'button', text: { type: 'plain_text', text: 'Go' }, action_id: 'a', value: 'v' } }],
    });
    expect(html).toMatch(/<div class="sk-accessory"><button [^>]*data-action-id="a" data-value="v">Go<\/button><\/div>/);
  });
});
