/** Proves Slack mrkdwn and Teams markup are removed before understanding, keeping the words people typed. */
import { describe, expect, it } from 'vitest';
import { stripMarkup } from '../../src/understand/strip-markup.js';

describe('stripMarkup', () => {
  it.each([
    ['<@U0123> travelling to Kyrgyzstan next week', 'travelling to Kyrgyzstan next week'],
    ['<@U0123|ann> hi', 'hi'],
    ['<!here> <!subteam^S1|@desk> going to Osh', 'going to Osh'],
    ['see <https://example.com/kz|the Kazakhstan page>', 'see the Kazakhstan page'],
    ['see <https://example.com/kz> now', 'see now'],
    ['<mailto:a@example.com|mail me>', 'mail me'],
    ['*Almaty* then _Bishkek_', 'Almaty then Bishkek'],
    ['~old~ `code` **bold**', 'old code bold'],
    ['<at>Travel Bot</at> help', 'help'],
    ['<p>travelling to <b>Uzbekistan</b></p><br/>next week', 'travelling to Uzbekistan next week'],
    ['&lt;Minsk&gt; &amp; Moscow', '<Minsk> & Moscow'],
    ['in #general: <#C0123|travel>', 'in #general: #travel'],
  ])('%s → %s', (input, output) => {
    expect(stripMarkup(input)).toBe(output);
  });

  it('keeps underscores and asterisks inside words and emoji names', () => {
    expect(stripMarkup('snake_case_name 2*3*4 :flag-kz:')).toBe('snake_case_name 2*3*4 :flag-kz:');
  });
});
