/**
 * Proves the command line end to end, as a user runs it: the real `travel-advisor`
 * process (bin → dist, built by `npm test`/`prepare`), its stdout, stderr and exit code.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { givesVpnAdvice } from '../../src/content/vpn-advice.js';
import { answerSchema } from '../../src/advisor/answer.js';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/travel-advisor.js');

/** Runs the CLI to its exit. Asynchronous, so the file's independent cases start their processes together. */
function run(args: string[], options: { input?: string | Buffer; env?: Record<string, string> } = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH, ...options.env } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.stdin.on('error', () => undefined); // a refused run may exit before reading its input
  child.stdin.end(options.input);
  return new Promise((resolveRun, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolveRun({ code, stdout, stderr }));
  });
}

const NOW = '2026-11-23T09:00:00Z';

/**
 * Cases that check what the advisor answers (not how the command reads its arguments, which
 * the Kyrgyzstan and --locale cases prove with --json) read their answer from one shared
 * `ask --jsonl` process, one line per message, instead of a process each. `--jsonl` asks the
 * advisor directly, `--json` through the conversation service as a chat door does; for these
 * six messages (a country each, or none; no thread, no remind or done) the service passes the
 * advisor's Answer on unchanged, and the Kyrgyzstan case checks that path end to end.
 */
const BATCHED = ['travelling to Portugal next week', 'travelling to China next week', 'travelling to Iran next week', 'travelling to North Korea next week', 'travelling to the UAE next week', 'lunch at noon?'];
let batch: Promise<unknown[]> | undefined;
async function batchedAnswer(message: (typeof BATCHED)[number]) {
  batch ??= run(['ask', '--jsonl', '--now', NOW], { input: `${BATCHED.join('\n')}\n` }).then((r) => {
    if (r.code !== 0 || r.stderr) throw new Error(`ask --jsonl exited ${r.code}: ${r.stderr}`);
    return r.stdout.trim().split('\n').map((l) => JSON.parse(l) as unknown);
  });
  const lines = await batch;
  expect(lines).toHaveLength(BATCHED.length);
  return answerSchema.parse(lines[BATCHED.indexOf(message)]);
}

// The cases touch nothing shared (each its own process, or the one read-only --jsonl run above): they run concurrently.
describe.concurrent('travel-advisor ask', () => {
  it('answers the Kyrgyzstan trip as JSON, field by field', async () => {
    const r = await run(['ask', '--json', '--now', NOW, 'travelling to Kyrgyzstan next week']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const answer = answerSchema.parse(JSON.parse(r.stdout));
    expect(answer.intent).toBe('trip');
    expect(answer.destinations).toHaveLength(1);
    const kg = answer.destinations[0]!;
    expect(kg.countryCode).toBe('KG');
    expect(kg.countryName).toBe('Kyrgyzstan');
    expect(kg.covered).toBe(true);
    expect(kg.risk.level).toBeGreaterThanOrEqual(2);
    expect(['elevated', 'high', 'severe']).toContain(kg.risk.label);
    expect(kg.risk.score).toBeGreaterThan(0);
    const present = kg.indicators.filter((i) => i.status === 'present');
    expect(present.map((i) => i.id)).toContain('interception-systems');
    expect(kg.coverage).toBe('assessed');
    expect(kg.review?.status).toBe('draft');
    expect(kg.risk.basis[0]).toMatchObject({ kind: 'indicators' });
    for (const b of kg.risk.basis) for (const s of b.sources) expect(answer.sources.map((x) => x.id)).toContain(s);
    for (const i of present) expect(i.sources.length).toBeGreaterThan(0);
    expect(new Set(kg.checklist.map((c) => c.phase))).toEqual(new Set(['before', 'during', 'after']));
    expect(answer.trip?.start).toBe('2026-11-30');
    expect(answer.summary?.method).toBe('extractive');
    expect(answer.summary?.citations.length).toBeGreaterThan(0);
    expect(answer.summary!.sentences.every((s) => s.citations.length > 0)).toBe(true);
    // Every cited or referenced source is listed with its URL.
    const listed = new Set(answer.sources.map((s) => s.id));
    for (const c of answer.summary!.citations) expect(listed).toContain(c.id);
    for (const i of present) for (const s of i.sources) expect(listed).toContain(s);
  });

  it('prints one screen first: the level, its basis, the VPN law, what to do first, and what --full adds', async () => {
    const r = await run(['ask', '--now', NOW, 'travelling to Kyrgyzstan next week']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Kyrgyzstan \(KG\): risk (level \d of 4|at least \w+ \(level \d of 4\))/);
    // The computed score told by its indicators' count; --full names each with its evidence.
    expect(r.stdout).toMatch(/  Why: \d of 6 indicators present, \d not known/);
    // The basis names its sources by count on the first screen; --full lists them by name.
    expect(r.stdout).toMatch(/  Why: .*\(\d+ sources, listed with --full\)\n/);
    expect(r.stdout).not.toMatch(/\[[a-z0-9-]+(, [a-z0-9-]+)+\]/);
    expect(r.stdout).toContain('VPN: unknown.');
    expect(r.stdout).toContain('Do these first:');
    expect(r.stdout).toMatch(/More with --full: \d+ more checklist items, \d+ indicators with their evidence, \d+ sources with their addresses\./);
    expect(r.stdout).not.toContain('Before you go:');
    expect(r.stdout.length).toBeLessThan(3000);
  });

  it('prints everything with --full', async () => {
    const r = await run(['ask', '--full', '--now', NOW, 'travelling to Kyrgyzstan next week']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Kyrgyzstan \(KG\): risk (level \d of 4|at least \w+ \(level \d of 4\))/);
    expect(r.stdout).toContain('Why this level:');
    expect(r.stdout).toContain('Before you go:');
    expect(r.stdout).toContain('Sources:');
  });

  it('gives a country without a content file its tier, its basis and no invented indicators', async () => {
    const answer = await batchedAnswer('travelling to Portugal next week');
    const pt = answer.destinations[0]!;
    expect(pt.countryCode).toBe('PT');
    expect(pt.covered).toBe(false);
    expect(pt.coverage).toBe('screened');
    expect(pt.indicators).toEqual([]);
    expect(pt.risk.basis.length).toBeGreaterThan(0);
    expect(pt.notice).toMatch(/screened, not assessed/);
    expect(pt.advisory?.url).toMatch(/^https:\/\/travel\.state\.gov\//);
    expect(pt.checklist.length).toBeGreaterThan(0);
  });

  // The destinations a new user found called "baseline, normal habits, use the company VPN".
  for (const [place, code] of [['China', 'CN'], ['Iran', 'IR'], ['North Korea', 'KP'], ['the UAE', 'AE']] as const) {
    it(`answers "travelling to ${place} next week" above baseline, with its tier, basis and sources, and no VPN usage advice`, async () => {
      const answer = await batchedAnswer(`travelling to ${place} next week`);
      const d = answer.destinations[0]!;
      expect(d.countryCode).toBe(code);
      expect(d.risk.level).toBeGreaterThan(1);
      expect(d.risk.label).not.toBe('baseline');
      expect(d.risk.meaning).not.toMatch(/normal (travel security )?habits/i);
      expect(['assessed', 'screened']).toContain(d.coverage);
      expect(d.risk.basis.length).toBeGreaterThan(0);
      expect(d.risk.basis.some((b) => b.sources.length > 0)).toBe(true);
      const listed = new Set(answer.sources.map((s) => s.id));
      for (const b of d.risk.basis) for (const s of b.sources) expect(listed).toContain(s);
      expect(d.law.vpn.status).not.toBe('allowed');
      for (const c of d.checklist) expect(givesVpnAdvice(c.text), c.text).toBe(false);
      for (const s of answer.summary?.sentences ?? []) expect(givesVpnAdvice(s.text), s.text).toBe(false);
    });
  }

  it('answers a message with no country without inventing a destination', async () => {
    const answer = await batchedAnswer('lunch at noon?');
    expect(answer.destinations).toEqual([]);
    expect(answer.message).toBeTruthy();
  });

  it('reads "Tbilisi 4/12" by --locale: 4 December for en-GB, 12 April for en-US in New York', async () => {
    const start = async (args: string[]) => answerSchema.parse(JSON.parse((await run(['ask', '--json', '--now', NOW, ...args, 'Tbilisi 4/12'])).stdout)).trip?.start;
    const [gb, us] = await Promise.all([start(['--locale', 'en-GB']), start(['--locale', 'en-US', '--tz', 'America/New_York'])]);
    expect(gb).toBe('2026-12-04');
    expect(us).toBe('2027-04-12');
  });

  it('reads one message per line with --jsonl and keeps going past bad lines', async () => {
    const input = ['travelling to Kazakhstan tomorrow', '', 'x'.repeat(1024 * 1024), 'going to Kyrgyzstan'].join('\n') + '\n';
    const r = await run(['ask', '--jsonl', '--now', NOW], { input });
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0].destinations[0].countryCode).toBe('KZ');
    expect(lines[0].trip.start).toBe('2026-11-24');
    expect(lines[1]).toEqual({ error: expect.stringMatching(/empty/) });
    expect(lines[2]).toEqual({ error: expect.stringMatching(/too long/) });
    expect(lines[3].destinations[0].countryCode).toBe('KG');
  });

  it.each([
    ['an empty message', ['ask', ''], /empty/],
    ['no message at all', ['ask'], /needs a message/],
    // One argument can hold at most 128 KiB on Linux; the 1 MB line is tested through --jsonl below.
    ['a 100 KB message', ['ask', 'y'.repeat(100 * 1024)], /too long/],
    ['binary garbage', ['ask', 'travel \u0001\u0002\u001b\ufffd to KZ'], /binary/],
    ['an unknown flag', ['ask', '--frobnicate', 'Kyrgyzstan'], /unknown option/],
    ['an invalid --now', ['ask', '--now', 'yesterday-ish', 'Kyrgyzstan'], /--now must be an ISO 8601/],
    ['an invalid --tz', ['ask', '--tz', 'Mars/Olympus', 'Kyrgyzstan'], /--tz must be an IANA time zone/],
    ['an invalid --locale', ['ask', '--locale', 'not a locale!', 'Kyrgyzstan'], /--locale must be a BCP 47 locale/],
  ])('refuses %s with one clear line and a non-zero exit', async (_name, args, message) => {
    const r = await run(args as string[]);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses binary garbage on standard input in --jsonl mode line by line', async () => {
    const r = await run(['ask', '--jsonl'], { input: Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x0a, ...Buffer.from('Kazakhstan\n')]) });
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({ error: expect.stringMatching(/binary/) });
    expect(lines[1].destinations[0].countryCode).toBe('KZ');
  });

  it('stops with file:line and the field when a content file is malformed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ta-content-'));
    cpSync(join(ROOT, 'content'), dir, { recursive: true });
    const file = join(dir, 'countries/kg.md');
    const lines = readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((l) => /^\s+status: present/.test(l));
    lines[at] = lines[at]!.replace('present', 'maybe');
    writeFileSync(file, lines.join('\n'));
    const r = await run(['ask', 'Kyrgyzstan'], { env: { CONTENT_DIR: dir } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`countries/kg.md:${at + 1}:`);
    expect(r.stderr).toMatch(/status.*expected one of "present", "absent", "unknown"/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
