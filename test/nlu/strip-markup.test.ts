/**
 * Proves each door removes its own syntax before the Turn (Slack mrkdwn mentions, links,
 * entities and flag codes; Teams <at> mentions and HTML), and the core then removes only
 * the emphasis anyone types, keeping the words people wrote.
 */
import { describe, expect, it } from 'vitest';
import { normaliseSlackText } from '../../src/channels/slack/normalise-slack-text.js';
import { normaliseTeamsText } from '../../src/channels/teams/normalise-teams-text.js';
import { plainText } from '../../src/understand/plain-text.js';

describe('the Slack door, then the core', () => {
  it.each([
    ['<@U0123> travelling to Kyrgyzstan next week', 'travelling to Kyrgyzstan next week'],
    ['<@U0123|ann> hi', 'hi'],
    ['<!here> <!subteam^S1|@desk> going to Osh', 'going to Osh'],
    ['see <https://example.com/kz|the Kazakhstan page>', 'see the Kazakhstan page'],
    ['see <https://example.com/kz> now', 'see now'],
    ['<mailto:a@example.com|mail me>', 'mail me'],
    ['*Almaty* then _Bishkek_', 'Almaty then Bishkek'],
    ['~old~ `code` **bold**', 'old code bold'],
    ['&lt;Minsk&gt; &amp; Moscow', '<Minsk> & Moscow'],
    ['in #general: <#C0123|travel>', 'in #general: #travel'],
    ['off to :flag-kg: and :us: :thumbsup:', 'off to 🇰🇬 and 🇺🇸 :thumbsup:'],
  ])('%s → %s', (input, output) => {
    expect(plainText(normaliseSlackText(input))).toBe(output);
  });

  it('keeps underscores and asterisks inside words, and emoji names that are not flags', () => {
    expect(plainText(normaliseSlackText('snake_case_name 2*3*4 :flag-kz-x: :flag-k:'))).toBe('snake_case_name 2*3*4 :flag-kz-x: :flag-k:');
  });
});

describe('the Teams door, then the core', () => {
  it.each([
    ['<at>Travel Bot</at> help', 'help'],
    ['<at id="0">Travel Bot</at> *Almaty*', 'Almaty'],
    ['<p>travelling to <b>Uzbekistan</b></p><br/>next week', 'travelling to Uzbekistan next week'],
    ['&lt;b&gt;Minsk&lt;/b&gt; &amp; Moscow&nbsp;now', '<b>Minsk</b> & Moscow now'],
  ])('%s → %s', (input, output) => {
    expect(plainText(normaliseTeamsText(input))).toBe(output);
  });
});

describe('the core alone', () => {
  it('knows no door syntax: a mention another door would remove stays as typed', () => {
    expect(plainText('<@U0123> *Almaty* :flag-kz:')).toBe('<@U0123> Almaty :flag-kz:');
  });
});
