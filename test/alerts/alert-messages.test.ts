/**
 * Proves what an alert says, built from the real advisor over changed content and drawn
 * by the real Slack and Teams renderers: the headline names the trip, each change is
 * said in words (level with "at least", the VPN law's old and new status), why comes
 * with the basis and the law's own sources, what to do comes from the key actions; no
 * sentence of an alert tells anyone to use a VPN where the law bans it; and an alert for
 * a thirteen-country trip stays within Slack's block limits and Teams' message size.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Advisor } from '../../src/advisor/create-advisor.js';
import type { AlertDelivery, DestinationChange } from '../../src/alerts/types.js';
import { alertToBlockKit } from '../../src/channels/slack/render/alert-to-block-kit.js';
import { SLACK_LIMITS } from '../../src/channels/slack/limits.js';
import { alertToActivity } from '../../src/channels/teams/render/alert-to-activity.js';
import { TEAMS_LIMITS } from '../../src/channels/teams/render/limits.js';
import { utf16Bytes } from '../../src/channels/teams/render/message-size.js';
import { givesVpnAdvice } from '../../src/content/vpn-advice.js';
import { alertToText } from '../../src/render/alert-words.js';
import { advisorOver, copyContent, raiseKazakhstan, setVpnLaw, type ContentCopy } from './alerts-harness.js';

let copy: ContentCopy;
let advisor: Advisor;
const KZ: DestinationChange = {
  countryCode: 'KZ', countryName: 'Kazakhstan',
  changes: [{ kind: 'level', from: { level: 3, label: 'high', floor: true }, to: { level: 4, label: 'severe', floor: false } }, { kind: 'key-actions', added: ['physical-book-with-security-team'] }],
};
const UZ: DestinationChange = { countryCode: 'UZ', countryName: 'Uzbekistan', changes: [{ kind: 'vpn', from: 'unknown', to: 'banned' }] };

async function alertFor(destinations: DestinationChange[]): Promise<AlertDelivery> {
  const trip = { start: '2026-11-30', end: '2026-12-04' };
  const answer = await advisor.answerForCountries(destinations.map((d) => d.countryCode), { intent: 'trip', trip: { ...trip, said: null, startInferred: false, endInferred: false }, summary: false });
  return { idempotencyKey: 'alert-test', tripId: 'trip-test', trip, destinations, answer };
}

beforeAll(() => {
  copy = copyContent();
  raiseKazakhstan(copy);
  setVpnLaw(copy, 'UZ', 'banned');
  advisor = advisorOver(copy.dir);
});
afterAll(() => copy?.dispose());

describe('a risk-change alert', () => {
  it('says what changed, why with sources, and what to do now', async () => {
    const text = alertToText(await alertFor([KZ, UZ]));
    expect(text).toMatch(/^Risk update for your trip to Kazakhstan and Uzbekistan \(2026-11-30 to 2026-12-04\): the advice for your trip has changed\./);
    expect(text).toContain('- The surveillance risk level went up from at least high (level 3 of 4) to severe (level 4 of 4).');
    expect(text).toContain('- New key action: Talk to the security team before you book');
    expect(text).toContain('- VPN use: now banned, was unknown (no source in the content base).');
    // Why: the level's basis with its sources (three named, the rest counted), and the VPN law's note with its own source.
    expect(text).toMatch(/Why:\n- Assessed: score 10 of 12 .* Sources: Dark Reading .*<https:\/\/[^>]+>; .* and \d+ more/);
    expect(text).toMatch(/- VPN law: .* Sources: vpn5best \(a VPN vendor's page\)/);
    expect(text).toMatch(/What to do now:\n1\. Talk to the security team before you book.*only for Kazakhstan/);
  });

  it('never tells anyone to use a VPN where the law bans it, in any door', async () => {
    const alert = await alertFor([UZ]);
    const slack = alertToBlockKit(alert);
    const teams = JSON.stringify(alertToActivity(alert));
    const sentences = [alertToText(alert), slack.text, JSON.stringify(slack.blocks), teams].flatMap((t) => t.split(/(?<=[.!?])\s+|\\n|\n/));
    expect(sentences.length).toBeGreaterThan(20);
    expect(sentences.filter(givesVpnAdvice)).toEqual([]);
    expect(alertToText(alert)).toContain('VPNs are banned here, so do not install');
  });

  it('fits Slack and Teams limits for a thirteen-country trip', async () => {
    const codes = ['KZ', 'KG', 'UZ', 'TJ', 'TM', 'RU', 'BY', 'AM', 'AZ', 'GE', 'MN', 'CN', 'IR'];
    const many = codes.map((c) => ({ countryCode: c, countryName: c, changes: KZ.changes }));
    const alert = await alertFor(many);
    const slack = alertToBlockKit(alert);
    expect(slack.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.messageBlocks);
    for (const b of slack.blocks) if (b.type === 'section') expect(b.text!.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(utf16Bytes(alertToActivity(alert))).toBeLessThanOrEqual(TEAMS_LIMITS.recommendedMessageBytes);
  });
});
