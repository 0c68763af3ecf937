/**
 * Proves the one redaction function on each kind of personal data and secret, with the
 * placeholder it gets, and that it leaves what a question means alone: destinations the
 * understander recognises (even where a place is also a name), dates, product names
 * people ask about, and the content base's own passages.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedUnderstander } from '../../test/support/shared-understander.js';
import { createModelRedactor } from '../advisor/create-model-redactor.js';
import { basicRedactor, redactPersonalData, type Redactor } from './redact-personal-data.js';

let redact: Redactor;
beforeAll(() => {
  const passages = [{ id: 'topic:x#y', kind: 'topic' as const, ref: 'x', title: 'Vendors', heading: 'Citadel', countries: [], keywords: [], sentences: [], text: 'Citadel and Norsi-Trans supply SORM equipment.' }];
  redact = createModelRedactor({ understander: sharedUnderstander(), passages });
});

describe('redactPersonalData', () => {
  const cases: Array<[string, string, string]> = [
    ['Slack ids, bare or left inside markup no door removed', 'U0123ABCD and <@U0456EFGH>, channel C0TRAVEL1 and C0TRAVEL99', '[id] and <@[id]>, channel [id] and [id]'],
    ['Teams ids and AAD object ids', 'Ana 29:1GcS4EN0Rxk4lN2Ye8Y5wP0y 19:a1b2c3@thread.tacv2 6f1c2a3b-1d2e-4f5a-9b8c-7d6e5f4a3b2c', '[person] [id] [id] [id]'],
    ['emails, plain and spelled out', 'ana@corp.com, ana at corp-example dot com, ana(at)corp(dot)com, ana [at] corp [dot] org', '[email], [email], [email], [email]'],
    ['phone numbers', '+7 727 123 4567, 555-0199, 8 (727) 123-45-67, 0044 7700 900123, 2345678', '[phone], [phone], [phone], [phone], [phone]'],
    ['passport and national id numbers near their keywords', 'passport no. 75 3392817, IIN 850101300123, ID: AB 9876543', 'passport no. [passport], IIN [id-number], ID: [id-number]'],
    ['payment cards (Luhn) and IBANs (mod 97)', 'card 4111 1111 1111 1111, IBAN DE89 3704 0044 0532 0130 00', 'card [card], IBAN [iban]'],
    ['API tokens and secrets', 'sk-proj-AbCdEf0123456789XyZ xoxb-1234567890-abcdefghij xapp-1-A012-3456789abc ghp_abcdefghijklmnopqrstuvwxyz0123 AKIAIOSFODNN7EXAMPLE', '[secret] [secret] [secret] [secret] [secret]'],
    ['passwords and pins', 'password: Tr0ub4dor&3, my pin is 4821', 'password: [secret], my pin is [secret]'],
    ['credentials and tokens in URLs', 'https://ana:hunter2@vpn.corp/p?token=abc123def456&x=1', 'https://[secret]@vpn.corp/p?token=[secret]&x=1'],
    ['people, with and without cues', 'my colleague Ana Petrova, Mr Guzman, Kat and Bo, Timur will join', 'my colleague [person] [person], Mr [person], [person] and [person], [person] will join'],
  ];
  for (const [what, input, expected] of cases) it(`redacts ${what}`, () => expect(redact(input)).toBe(expected));

  it('keeps dates that look like digit runs', () => {
    expect(redact('Yerevan 2026-12-03..2026-12-10, or 03.12.2026, or 2026-2027')).toBe('Yerevan 2026-12-03..2026-12-10, or 03.12.2026, or 2026-2027');
  });

  it('keeps destinations the understander recognises, even names that are also places', () => {
    expect(redact('Is Georgia safe?')).toBe('Is Georgia safe?');
    expect(redact('Going to Sofia with Sofia Petrova; Georgia Smith joins')).toBe('Going to Sofia with [person] [person]; [person] [person] joins');
    expect(redact('Atlanta, Georgia then Tehran, Iran; travelling to Kazkhstn')).toBe('Atlanta, Georgia then Tehran, Iran; travelling to Kazkhstn');
    expect(redact("Еду в Казахстан; Russia's SORM; Kazakh travellers")).toBe("Еду в Казахстан; Russia's SORM; Kazakh travellers");
    expect(redact('Osh-based colleague Aibek Osmonov, with Pablo Medina-Reyes')).toBe('Osh-based colleague [person] [person], with [person] [person]');
  });

  it("keeps the content base's vocabulary and everyday product names", () => {
    expect(redact("what are Citadel's subsidiaries? is Norsi-Trans like Telegram or Signal?")).toBe("what are Citadel's subsidiaries? is Norsi-Trans like Telegram or Signal?");
  });

  it('leaves the content base passages alone when told they are content, but not their secrets', () => {
    expect(redact('Galeotti reports that Usmanov owns it.', 'content')).toBe('Galeotti reports that Usmanov owns it.');
    expect(redact('Write to press@vendor.example or call +7 495 123 4567.', 'content')).toBe('Write to [email] or call [phone].');
  });

  it('is idempotent and never redacts its own placeholders', () => {
    const once = redact('Ana Petrova, +7 727 123 4567, [person] [secret]');
    expect(redact(once)).toBe(once);
  });

  it('without an understander (logs) still finds ids, secrets and cued names', () => {
    expect(basicRedactor('Failed to send to Ana Petrova ana@corp.com (U0123ABCD)')).toBe('Failed to send to [person] [person] [email] ([id])');
    expect(redactPersonalData('request failed')).toBe('request failed');
  });

  it('cannot be made to backtrack for long on a 4,000-character message (the longest the advisor reads)', () => {
    // Not a benchmark: catastrophic backtracking took 15 s here on "a.a.a.…"; linear patterns take well under 1 s.
    // CPU time, not wall time: at load 19 one linear pass took over 3 s of wall time.
    const cpuMs = () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
    for (const text of ['a.'.repeat(2000), '1.'.repeat(2000), 'ana at corp dot '.repeat(250), '1 '.repeat(2000), 'Ab-'.repeat(1333)]) {
      const started = cpuMs();
      basicRedactor(text);
      expect(cpuMs() - started).toBeLessThan(3000);
    }
  });
});
