/**
 * What a newcomer presses and types in the playground, in Chromium against the real
 * app: the Slack modal traps focus, pages with "Next page", closes on Escape and gives
 * focus back; every Teams button works (none is "a card action the Teams door does not
 * know", a "Sources" toggle stays in the card) and a 13-country trip's details arrive as
 * follow-up cards; /travel answers privately and Share posts it; a message of spaces or
 * of 5,000 characters is refused with the reason, the paste kept whole; the Reminders
 * form names a code that is no country; the country browser counts indicators in
 * words. Saves teams-follow-up-cards.png and slack-travel-ephemeral.png to test/artifacts/.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, KYRGYZSTAN_LEVEL, ask, askKyrgyzstan, startPlaygroundBrowser, type PlaygroundBrowser } from './playground-browser.js';

const NOW = new Date('2026-11-23T09:00:00Z');

let pg: PlaygroundBrowser;

beforeAll(async () => {
  pg = await startPlaygroundBrowser(NOW);
});

afterAll(async () => {
  await pg?.close();
});

describe('what a newcomer presses and types', () => {
  it('opens Slack\'s modal as a dialog that keeps focus inside, closes on Escape and returns focus to its button', async () => {
    const page = await pg.newPage({ width: 1280, height: 900 });
    await askKyrgyzstan(page, pg.url);
    const opener = page.getByTestId('slack-pane').getByRole('button', { name: 'Why this level' });
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Why this level' });
    await dialog.waitFor();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('slack-modal-title');
    await expect(dialog.getByText('Direct-access interception systems (SORM or equivalent)').first().isVisible()).resolves.toBe(true);
    const inside = () => page.evaluate(() => document.getElementById('slack-modal')!.contains(document.activeElement) && document.activeElement !== document.body);
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      expect(await inside()).toBe(true);
    }
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Shift+Tab');
      expect(await inside()).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect(dialog.isVisible()).resolves.toBe(false);
    await expect(opener.evaluate((el) => el === document.activeElement)).resolves.toBe(true);

    // A view longer than one modal (a button for 20 destinations): "Next page" redraws the same dialog, as views.update does.
    const codes = [...pg.app.context.advisor.content.countries.keys()].slice(0, 20);
    await page.getByTestId('slack-pane').evaluate((pane, value) => {
      pane.insertAdjacentHTML('beforeend', `<div class="sk-actions"><button type="button" class="sk-button" data-action-id="travel_why_this_level" data-value='${value}'>Why this level (20)</button></div>`);
    }, JSON.stringify({ d: codes }));
    await page.getByRole('button', { name: 'Why this level (20)' }).click();
    await dialog.getByText(/^Page 1 of \d+$/).waitFor();
    await dialog.getByRole('button', { name: 'Next page' }).click();
    await dialog.getByText(/^Page 2 of \d+$/).waitFor();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('slack-modal-title');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog.isVisible()).resolves.toBe(false);
    await page.close();
  });

  it('makes every Teams button work, with a 13-country trip\'s details arriving as follow-up cards', async () => {
    const page = await pg.newPage({ width: 1280, height: 900 });
    await askKyrgyzstan(page, pg.url);
    const teams = page.getByTestId('teams-pane');
    const status = page.locator('#status');
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/playground/api/action')) sent.push(r.postData() ?? '');
    });
    // Inside the card, as in Teams: nothing goes to the bot.
    await teams.getByRole('button', { name: 'Full checklist' }).click();
    await expect(teams.getByText('Turn on multi-factor authentication and use strong, unique passwords.').isVisible()).resolves.toBe(true);
    await teams.getByRole('button', { name: 'Why this level' }).click();
    await expect(teams.getByText('Direct-access interception systems (SORM or equivalent)').first().isVisible()).resolves.toBe(true);
    expect(sent).toEqual([]);
    // To the bot, which redraws the card with what happened.
    for (const [title, outcome] of [["I've done the checklist", /Checklist done/], ['Remind me before I go', /Reminders set/]] as const) {
      await Promise.all([page.waitForResponse((r) => r.url().endsWith('/playground/api/action')), teams.getByRole('button', { name: title }).click()]);
      await expect.poll(() => teams.textContent()).toMatch(outcome);
      expect(await status.textContent(), title).not.toMatch(/does not know|does not act on|did not work/);
    }
    expect(sent).toHaveLength(2);

    // A card with a "Sources" toggle (Action.ToggleVisibility, as Teams cards had): it acts inside the card, never as a submit.
    // (A string, so the test runner does not rewrite the page's dynamic import.)
    const toggled = await page.evaluate(`(async () => {
      const { renderTeamsCard } = await import('/playground/teams-card.js');
      const host = document.createElement('div');
      document.body.appendChild(host);
      const submitted = [];
      renderTeamsCard(host, {
        type: 'AdaptiveCard', version: '1.5',
        body: [{ type: 'TextBlock', id: 'sources', text: 'Source list', isVisible: false }],
        actions: [{ type: 'Action.ToggleVisibility', title: 'Sources', targetElements: ['sources'] }],
      }, (action) => submitted.push(action));
      const before = host.innerText.includes('Source list');
      host.querySelector('button').click();
      const after = host.innerText.includes('Source list');
      host.remove();
      return { submitted, before, after };
    })()`);
    expect(toggled).toEqual({ submitted: [], before: false, after: true });

    await ask(page, 'Business trip to Russia, Belarus, Kazakhstan, Kyrgyzstan, Uzbekistan, Tajikistan, Turkmenistan, Azerbaijan, Armenia, China, Iran, Mongolia and Monaco 1-20 March');
    await teams.getByText('Your trip: 13 destinations').waitFor();
    await teams.getByRole('button', { name: 'Full checklist' }).click();
    await page.getByTestId('teams-followup-1').getByText(/^Full checklist: Russia, /).waitFor();
    await expect(status.textContent()).resolves.toMatch(/^The Teams bot sent (a follow-up card|\d+ follow-up cards) below the answer\.$/);
    await page.locator('.teams-frame').screenshot({ path: join(ARTIFACTS, 'teams-follow-up-cards.png') });
    await page.close();
  });

  it('shows the private /travel reply with "Share in channel", and Share draws the message everyone sees', async () => {
    const page = await pg.newPage({ width: 1280, height: 900 });
    await page.goto(`${pg.url}/`);
    await page.getByLabel(/ask with \/travel/).check();
    await ask(page, 'travelling to Kyrgyzstan next week');
    const slack = page.getByTestId('slack-pane');
    await slack.getByRole('heading', { name: KYRGYZSTAN_LEVEL }).waitFor();
    await expect(page.getByText('Only visible to you').isVisible()).resolves.toBe(true);
    await page.locator('article.pane', { has: slack }).screenshot({ path: join(ARTIFACTS, 'slack-travel-ephemeral.png') });
    await slack.getByRole('button', { name: 'Share in channel' }).click();
    await slack.getByText('shared this travel advice').waitFor();
    await expect(page.getByText('Only visible to you').isVisible()).resolves.toBe(false);
    await expect(slack.getByRole('button', { name: 'Share in channel' }).count()).resolves.toBe(0);
    await page.close();
  });

  it('says why a message of spaces or of 5,000 characters is not asked, and keeps the paste whole', async () => {
    const page = await pg.newPage({ width: 1280, height: 900 });
    await page.goto(`${pg.url}/`);
    const box = page.getByLabel('Your message, as you would write it in Slack or Teams');
    await box.fill('     ');
    await box.press('Enter');
    await expect.poll(() => page.getByTestId('message-error').textContent()).toMatch(/^The message is empty/);
    await expect(box.getAttribute('aria-invalid')).resolves.toBe('true');
    await box.fill(`travelling to Kyrgyzstan next week ${'a'.repeat(5000 - 35)}`);
    await expect(box.evaluate((el) => (el as HTMLInputElement).value.length)).resolves.toBe(5000);
    await box.press('Enter');
    await expect.poll(() => page.getByTestId('message-error').textContent()).toBe('The message is too long (5000 characters); the limit is 4000.');
    await box.fill('travelling to Kyrgyzstan next week');
    await expect(box.getAttribute('aria-invalid')).resolves.toBeNull();
    await page.close();
  });

  it('refuses XX in the Reminders form beside the field, and counts Armenia\'s indicators in words', async () => {
    const page = await pg.newPage({ width: 1280, height: 900 });
    await page.goto(`${pg.url}/`);
    await page.getByLabel('Countries (ISO codes)').fill('XX');
    await page.getByLabel('Leaving on').fill('2026-12-01');
    await page.getByRole('button', { name: 'Schedule reminders' }).click();
    await expect.poll(() => page.getByTestId('trip-destinations-error').textContent()).toBe('"XX" is not an ISO 3166-1 country code; use two letters such as KG for Kyrgyzstan');
    await expect(page.getByLabel('Countries (ISO codes)').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByTestId('trip-list').textContent()).resolves.not.toContain('(XX)');

    const am = (await (await fetch(`${pg.url}/playground/api/countries`)).json()).countries.find((c: { code: string }) => c.code === 'AM');
    const present = am.indicators.filter((i: { status: string }) => i.status === 'present').length;
    const unknown = am.indicators.filter((i: { status: string }) => i.status === 'unknown').length;
    await page.locator('#country-filter').fill('Armenia');
    const cell = page.locator('#country-rows tr').filter({ hasText: 'Armenia' }).locator('td').nth(2);
    await expect(cell.textContent()).resolves.toContain(`${present} of ${am.indicators.length} present${unknown ? ` (${unknown} unknown)` : ''}`);
    await page.close();
    expect(pg.offsite).toEqual([]);
    expect(pg.pageErrors).toEqual([]);
  });
});
