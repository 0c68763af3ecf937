/**
 * Slack mrkdwn drawn as Slack draws it, and never as markup the input did not ask
 * for: formatting, links, mentions, emoji, lists and quotes, with everything escaped.
 */
import { describe, expect, it } from 'vitest';
import { mrkdwnToHtml, plainTextToHtml } from './mrkdwn-to-html.js';

describe('mrkdwnToHtml', () => {
  it('draws bold, italic, strike and inline code', () => {
    expect(mrkdwnToHtml('*Level 3, high.* _set by reviewers_ ~old~ `vpn`')).toBe(
      '<p><strong>Level 3, high.</strong> <em>set by reviewers</em> <del>old</del> <code>vpn</code></p>',
    );
  });

  it('leaves marks inside words alone, as Slack does', () => {
    expect(mrkdwnToHtml('snake_case_name and 2*3*4')).toBe('<p>snake_case_name and 2*3*4</p>');
  });

  it('turns <url|label> into a link, bold around it included, and keeps the label escaped', () => {
    expect(mrkdwnToHtml('*<https://example.org/a?b=1&amp;c=2|Tom &amp; Jerry>*')).toBe(
      '<p><strong><a href="https://example.org/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">Tom &amp; Jerry</a></strong></p>',
    );
  });

  it('refuses links that are not http(s) or mailto', () => {
    expect(mrkdwnToHtml('<javascript:alert(1)|click>')).toBe('<p>click</p>');
  });

  it('escapes markup in the text', () => {
    expect(mrkdwnToHtml('&lt;script&gt;alert("x")&lt;/script&gt; <img src=x onerror=alert(1)>')).not.toMatch(/<script|<img/);
  });

  it('draws mentions and known emoji, and leaves unknown shortcodes as typed', () => {
    expect(mrkdwnToHtml('<@U123|ana> :red_circle: :not_an_emoji:')).toBe('<p><span class="sk-mention">@ana</span> 🔴 :not_an_emoji:</p>');
  });

  it('groups bullet and numbered lines into lists and keeps other lines as breaks', () => {
    expect(mrkdwnToHtml('*Indicators*\n• one\n• two\nafter\n1. first\n2. second')).toBe(
      '<p><strong>Indicators</strong></p><ul><li>one</li><li>two</li></ul><p>after</p><ol><li>first</li><li>second</li></ol>',
    );
    expect(mrkdwnToHtml('a\nb')).toBe('<p>a<br>b</p>');
  });

  it('draws quotes and code blocks, with no formatting inside code', () => {
    expect(mrkdwnToHtml('&gt; quoted *bold*\n```\n*raw* <x>\n```')).toBe(
      '<blockquote><p>quoted <strong>bold</strong></p></blockquote><pre>*raw* &lt;x&gt;\n</pre>',
    );
  });
});

describe('plainTextToHtml', () => {
  it('escapes and keeps line breaks', () => {
    expect(plainTextToHtml('a < b\n:warning:')).toBe('a &lt; b<br>⚠️');
    expect(plainTextToHtml(':warning:', false)).toBe(':warning:');
  });
});
