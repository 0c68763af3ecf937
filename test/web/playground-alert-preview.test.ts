/**
 * The playground's "Alerts this content would send" over real HTTP, on a real git
 * history: a content copy committed on `main`, then changed in the working tree the way
 * a pull request would (Kazakhstan raised to severe, VPNs banned in Uzbekistan), served
 * by the real app. Comparing with `main` lists both changes with the upcoming trips they
 * would reach in the server's store, and draws each alert as the Slack and Teams
 * deliverers send it (the level change named, the VPN law reported, never VPN advice);
 * the same content committed compares empty; an unknown ref, an option-like ref and
 * content outside a git repository are refused with a reason.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/config.js';
import { givesVpnAdvice } from '../../src/content/vpn-advice.js';
import { silentLogger } from '../../src/logger.js';
import { copyContent, raiseKazakhstan, setVpnLaw, type ContentCopy } from '../alerts/alerts-harness.js';
import { commitAsShipped } from '../content/content-fixture.js';

const NOW = new Date('2026-11-23T09:00:00Z');
let copy: ContentCopy;
let app: App;
let base: string;
let dataDir: string;
let git: (...args: string[]) => string;

const preview = async (ref: string) => {
  const res = await fetch(`${base}/playground/api/alert-preview?ref=${encodeURIComponent(ref)}`);
  return { status: res.status, json: (await res.json()) as any };
};

beforeAll(async () => {
  copy = copyContent();
  git = commitAsShipped(copy);
  raiseKazakhstan(copy);
  setVpnLaw(copy, 'UZ', 'banned');
  dataDir = mkdtempSync(join(tmpdir(), 'playground-alert-preview-'));
  app = createApp({ config: loadConfig({ PORT: '0', DATA_DIR: dataDir, CONTENT_DIR: copy.dir, LOG_LEVEL: 'silent' }), clock: () => NOW, logger: silentLogger });
  base = (await app.start()).url.replace('localhost', '127.0.0.1');
  const trip = (destinations: string[], start: string) =>
    app.context.reminders.createTrip({ traveller: { platform: 'slack', userId: 'U0KAT' }, destinations, start, end: null, createdBy: 'test', source: 'api' });
  await trip(['KZ'], '2026-12-03');
  await trip(['FR'], '2026-12-03');
  // Over: not alerted, not counted.
  await trip(['KZ'], '2026-11-01');
});

afterAll(async () => {
  await app?.stop();
  copy?.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('playground alert preview', () => {
  it('lists the changes that alert travellers against a git ref, with the upcoming trips each would reach', async () => {
    const { status, json } = await preview('main');
    expect(status).toBe(200);
    expect(json.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(json.changes).toEqual([
      { countryCode: 'KZ', countryName: 'Kazakhstan', tags: ['KZ level 3→4', 'KZ new key actions: physical-book-with-security-team'], trips: 1 },
      { countryCode: 'UZ', countryName: 'Uzbekistan', tags: expect.arrayContaining(['UZ vpn unknown→banned']), trips: 0 },
    ]);
    expect(json.trips).toBe(1);
  });

  it('draws each alert as the Slack and Teams deliverers send it, on a trip leaving in a week', async () => {
    const { json } = await preview('main');
    const [kz, uz] = json.alerts;
    expect(kz.trip).toEqual({ start: '2026-11-30', end: '2026-12-04' });
    expect(kz.sentences).toContain('The surveillance risk level went up from at least high (level 3 of 4) to severe (level 4 of 4).');
    expect(kz.renderings.problems).toEqual({});
    expect(kz.renderings.slackHtml).toContain('Risk update for your trip to Kazakhstan (2026-11-30 to 2026-12-04)');
    expect(kz.renderings.slackHtml).toContain('went up from at least high (level 3 of 4) to severe (level 4 of 4)');
    expect(kz.renderings.slack.blocks.length).toBeGreaterThan(0);
    expect(kz.renderings.teams).toMatchObject({ type: 'AdaptiveCard' });
    expect(JSON.stringify(kz.renderings.teams)).toContain('Risk update for your trip to Kazakhstan');
    expect(uz.sentences).toContain('VPN use: now banned, was unknown (no source in the content base).');
    // The alert reports the law; nothing in either drawing tells anyone to use a VPN.
    const slackText = String(uz.renderings.slack.text);
    expect(slackText.split('\n').filter(givesVpnAdvice)).toEqual([]);
  });

  it('finds nothing to alert once the working tree is committed, and refuses refs it cannot use', async () => {
    git('add', '-A', 'content');
    git('commit', '-q', '-m', 'a content pull request');
    const { status, json } = await preview('HEAD');
    expect(status).toBe(200);
    expect(json).toMatchObject({ ref: 'HEAD', changes: [], trips: 0, alerts: [] });
    expect((await preview('HEAD~1')).json.changes.map((c: any) => c.countryCode)).toEqual(['KZ', 'UZ']);
    const unknown = await preview('no-such-branch');
    expect(unknown.status).toBe(400);
    expect(unknown.json.error).toContain('unknown git ref "no-such-branch"');
    const option = await preview('--output=/tmp/x');
    expect(option.status).toBe(400);
    expect(option.json.error).toMatch(/^ref: a git branch, tag or commit/);
  });

  it('says so when the content the server loaded is not in a git repository', async () => {
    const outside = copyContent();
    const dir = mkdtempSync(join(tmpdir(), 'playground-no-git-'));
    const other = createApp({ config: loadConfig({ PORT: '0', DATA_DIR: dir, CONTENT_DIR: outside.dir, LOG_LEVEL: 'silent' }), clock: () => NOW, logger: silentLogger });
    try {
      const url = (await other.start()).url.replace('localhost', '127.0.0.1');
      const res = await fetch(`${url}/playground/api/alert-preview?ref=main`);
      expect(res.status).toBe(400);
      expect(((await res.json()) as any).error).toContain('is not inside a git repository');
    } finally {
      await other.stop();
      outside.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
