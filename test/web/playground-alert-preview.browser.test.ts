/**
 * "Alerts this content would send" in Chromium against the real app, as a content
 * reviewer uses it: a branch whose working tree raises Kazakhstan to severe, compared
 * with `main` by pressing "Preview alerts". The page lists the change with the upcoming
 * trip it would reach, and draws the alert a traveller would get in the Slack drawing and
 * in the Teams card (Microsoft's renderer), whose "Why this level" opens inside the card;
 * at desktop and at 390 px the page does not pan sideways, axe-core finds no WCAG 2.1
 * A/AA violation, and nothing leaves the machine. Saves playground-alert-preview.png.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyContent, raiseKazakhstan, type ContentCopy } from '../alerts/alerts-harness.js';
import { commitAsShipped } from '../content/content-fixture.js';
import { ARTIFACTS, axeViolations, horizontalOverflow, startPlaygroundBrowser, type PlaygroundBrowser } from './playground-browser.js';

const NOW = new Date('2026-11-23T09:00:00Z');
let copy: ContentCopy;
let pg: PlaygroundBrowser;

beforeAll(async () => {
  copy = copyContent();
  commitAsShipped(copy);
  raiseKazakhstan(copy);
  pg = await startPlaygroundBrowser(NOW, { CONTENT_DIR: copy.dir });
  await pg.app.context.reminders.createTrip({ traveller: { platform: 'slack', userId: 'U0KAT' }, destinations: ['KZ'], start: '2026-12-03', end: null, createdBy: 'test', source: 'api' });
});

afterAll(async () => {
  await pg?.close();
  copy?.dispose();
});

describe('the playground previews the alerts a content change would send', () => {
  for (const viewport of [{ width: 1440, height: 900 }, { width: 390, height: 844 }])
    it(`draws Kazakhstan's alert as Slack and Teams show it at ${viewport.width} px`, async () => {
      const page = await pg.newPage(viewport);
      await page.goto(`${pg.url}/`);
      const section = page.getByRole('region', { name: 'Alerts this content would send' });
      await expect(section.getByLabel('Compare with git ref').inputValue()).resolves.toBe('main');
      await section.getByRole('button', { name: 'Preview alerts' }).click();
      const item = page.getByTestId('alert-preview-KZ');
      await item.waitFor();
      await expect(section.getByRole('status').textContent()).resolves.toMatch(/^1 destination changed in a way that alerts travellers against main \([0-9a-f]{10}\); 1 upcoming trip in this server's store would get one alert each\.$/);
      await expect(section.getByRole('list', { name: 'Destinations whose change alerts travellers' }).textContent()).resolves.toBe(
        'Kazakhstan (KZ): KZ level 3→4; KZ new key actions: physical-book-with-security-team; 1 upcoming trip',
      );
      await expect(item.getByRole('heading', { name: /^Kazakhstan: the alert for a trip/ }).textContent()).resolves.toBe('Kazakhstan: the alert for a trip 2026-11-30 to 2026-12-04');
      const slack = item.getByTestId('alert-preview-slack');
      const teams = item.getByTestId('alert-preview-teams');
      await slack.getByText('Risk update for your trip to Kazakhstan (2026-11-30 to 2026-12-04)', { exact: false }).first().waitFor();
      await expect(slack.textContent()).resolves.toContain('The surveillance risk level went up from at least high (level 3 of 4) to severe (level 4 of 4).');
      await expect(teams.textContent()).resolves.toContain('The surveillance risk level went up from at least high (level 3 of 4) to severe (level 4 of 4).');
      // The card's own "Why this level" opens inside it, as in Teams.
      await teams.getByRole('button', { name: 'Why this level' }).click();
      await teams.getByText('present', { exact: false }).first().waitFor();
      if (viewport.width === 1440) await item.screenshot({ path: join(ARTIFACTS, 'playground-alert-preview.png') });
      expect(await horizontalOverflow(page)).toEqual({ pixels: 0, culprits: [] });
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
      expect(pg.offsite).toEqual([]);
      expect(pg.pageErrors).toEqual([]);
    });

  it('says why when the ref is unknown', async () => {
    const page = await pg.newPage({ width: 1440, height: 900 });
    await page.goto(`${pg.url}/`);
    const section = page.getByRole('region', { name: 'Alerts this content would send' });
    await section.getByLabel('Compare with git ref').fill('no-such-branch');
    await section.getByRole('button', { name: 'Preview alerts' }).click();
    await section.getByText('Could not compare with no-such-branch: unknown git ref "no-such-branch"', { exact: false }).waitFor();
    await expect(page.getByTestId('alert-preview-list').textContent()).resolves.toBe('');
    await page.close();
  });
});
