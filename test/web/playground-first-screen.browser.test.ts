/**
 * The first screen a newcomer sees, in Chromium against the real app, at a desktop
 * width (1440 px) and at 390 px (a phone): the Kyrgyzstan answer drawn as Slack and as
 * Teams, no Teams button cut off at the card's edge, the page never pans sideways, and
 * axe-core finds no WCAG 2.1 A/AA violation, with the Slack "Full checklist" modal open
 * too. Saves first-screen-{slack,teams}-{desktop,390}.png and slack-modal-390.png to
 * test/artifacts/.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, askKyrgyzstan, axeViolations, horizontalOverflow, startPlaygroundBrowser, type PlaygroundBrowser } from './playground-browser.js';

const NOW = new Date('2026-11-23T09:00:00Z');
const WIDTHS = [
  { name: 'desktop', viewport: { width: 1440, height: 900 } },
  { name: '390', viewport: { width: 390, height: 844 } },
] as const;

let pg: PlaygroundBrowser;

beforeAll(async () => {
  pg = await startPlaygroundBrowser(NOW);
});

afterAll(async () => {
  await pg?.close();
});

describe('the playground\'s first screen at desktop and phone widths', () => {
  for (const { name, viewport } of WIDTHS)
    it(`draws the Kyrgyzstan answer in both renderings at ${name} width without sideways panning or WCAG 2.1 A/AA violations`, async () => {
      const page = await pg.newPage(viewport);
      await askKyrgyzstan(page, pg.url);
      const slack = page.locator('article.pane', { has: page.getByTestId('slack-pane') });
      const teams = page.locator('article.pane', { has: page.getByTestId('teams-pane') });
      await expect(slack.getByText('Do these first').isVisible()).resolves.toBe(true);
      await expect(teams.getByRole('button', { name: 'Why this level' }).isVisible()).resolves.toBe(true);
      await slack.screenshot({ path: join(ARTIFACTS, `first-screen-slack-${name}.png`) });
      await teams.screenshot({ path: join(ARTIFACTS, `first-screen-teams-${name}.png`) });

      // Every Teams button is inside the card, none cut off at the card's edge.
      const card = await page.getByTestId('teams-pane').boundingBox();
      for (const box of await page.getByTestId('teams-pane').locator('.ac-pushButton').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right)))
        expect(box).toBeLessThanOrEqual(card!.x + card!.width + 0.5);
      expect(await horizontalOverflow(page)).toEqual({ pixels: 0, culprits: [] });
      expect(await axeViolations(page)).toEqual([]);

      // The Slack modal, open on top of the page, passes too (and fits the phone).
      await page.getByTestId('slack-pane').getByRole('button', { name: 'Full checklist' }).click();
      const dialog = page.getByRole('dialog', { name: 'Full checklist' });
      await dialog.waitFor();
      await expect(dialog.getByText('Turn on multi-factor authentication and use strong, unique passwords.').isVisible()).resolves.toBe(true);
      if (name === '390') await page.screenshot({ path: join(ARTIFACTS, 'slack-modal-390.png') });
      expect(await horizontalOverflow(page)).toEqual({ pixels: 0, culprits: [] });
      expect(await axeViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await page.close();
      expect(pg.offsite).toEqual([]);
      expect(pg.pageErrors).toEqual([]);
    });
});
