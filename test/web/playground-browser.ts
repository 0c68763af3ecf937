/**
 * What the playground's browser tests share: the real app on 127.0.0.1 (SQLite in a
 * temp dir, a fixed clock), Debian's Chromium through playwright-core with every
 * request to another host refused and recorded, page errors collected, axe-core's
 * WCAG 2.1 A/AA rules, and the page's horizontal overflow as the user feels it.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApp, type App } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/config.js';

export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = resolve(import.meta.dirname, '../artifacts');

export interface PlaygroundBrowser {
  app: App;
  url: string;
  browser: Browser;
  /** Requests the pages tried to send to any other host (refused). */
  offsite: string[];
  /** Uncaught errors and console errors from the pages. */
  pageErrors: string[];
  newPage(viewport: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/** Starts the app and Chromium; `close()` stops both and removes the data directory. `env`: more settings (e.g. CONTENT_DIR). */
export async function startPlaygroundBrowser(now: Date, env: Record<string, string> = {}): Promise<PlaygroundBrowser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's Chromium (apt-get install -y chromium); .ci/run does this`);
  mkdirSync(ARTIFACTS, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'playground-browser-'));
  const app = createApp({ config: loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env }), clock: () => now });
  const url = (await app.start()).url;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const offsite: string[] = [];
  const pageErrors: string[] = [];
  const origin = new URL(url).origin;
  return {
    app,
    url,
    browser,
    offsite,
    pageErrors,
    async newPage(viewport) {
      const page = await browser.newPage({ viewport, timezoneId: 'UTC', locale: 'en-GB' });
      await page.route('**/*', (route) => {
        const target = route.request().url();
        if (target.startsWith(origin) || target.startsWith('data:')) return route.continue();
        offsite.push(target);
        return route.abort();
      });
      page.on('pageerror', (e) => pageErrors.push(e.message));
      page.on('console', (m) => {
        // A refusal the page shows to the user (400) is expected; Chromium still logs it.
        if (m.type() === 'error' && !m.text().includes('status of 400 (Bad Request)')) pageErrors.push(m.text());
      });
      return page;
    },
    async close() {
      await browser.close();
      await app.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const AXE_SOURCE = () => readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.1 A/AA violations on the page as it is now, one line each ([] when none). */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the page's own CSP (script-src 'self') stays in force.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE());
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')})`);
  });
}

/** How far the page can be panned sideways (0 when it fits the viewport), and the elements that stick out. */
export async function horizontalOverflow(page: Page): Promise<{ pixels: number; culprits: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const culprits: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const box = el.getBoundingClientRect();
      // Content inside its own scroll container (the country table) scrolls there, not the page.
      if (box.right > width + 0.5 && !el.closest('.table-wrap')) culprits.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${Array.from(el.classList).join('.')} → ${Math.round(box.right)} px`);
    }
    window.scrollTo(10_000, window.scrollY);
    const panned = window.scrollX;
    window.scrollTo(0, window.scrollY);
    return { pixels: Math.max(root.scrollWidth - width, panned), culprits: culprits.slice(0, 10) };
  });
}

/** The Kyrgyzstan level as both drawings word it (a floor or a computed level). */
export const KYRGYZSTAN_LEVEL = /^Kyrgyzstan: (at least high \(level 3 of 4\)|level 3 of 4, high)$/;

/** Types a message and presses Ask, as a person does. */
export async function ask(page: Page, text: string): Promise<void> {
  await page.getByLabel('Your message, as you would write it in Slack or Teams').fill(text);
  await page.getByRole('button', { name: 'Ask', exact: true }).click();
}

/** Opens the page and asks the newcomer's first question; returns when both drawings show the answer. */
export async function askKyrgyzstan(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/`);
  await page.locator('#country-rows th[scope="row"]').first().waitFor();
  await ask(page, 'travelling to Kyrgyzstan next week');
  await page.getByTestId('slack-pane').getByRole('heading', { name: KYRGYZSTAN_LEVEL }).waitFor();
  await page.getByTestId('teams-pane').getByText('Travel with a clean loaner laptop and phone from IT').waitFor();
}
