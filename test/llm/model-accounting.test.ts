/**
 * Proves model accounting as an operator reads it: two real servers (createApp, port 0,
 * "replicas" sharing one SQLite store) answer playground questions through the local Chat
 * Completions double while it behaves well, cites passages it never showed, and fails
 * with 500. `/healthz` on each shows that process's counts: answers kept, fallbacks by
 * reason, sentences dropped by reason, a latency histogram; no question text. After both
 * stop, the real `travel-advisor llm report` process reads the store and prints the sums
 * of both, as text and as JSON. Also: the store's records can be read back from Redis.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { createLlmAccounting } from '../../src/llm/llm-accounting.js';
import { createLlmAccountingRecorder, readLlmAccounting, type StoredLlmAccounting } from '../../src/llm/llm-accounting-store.js';
import { closeStores } from '../../src/store/close-stores.js';
import { createStore } from '../../src/store/create-store.js';
import { startOpenAiDouble, type OpenAiDouble, type OpenAiDoubleMode } from '../doubles/openai-server.js';
import '../support/store-backends.js';

const ROOT = resolve(import.meta.dirname, '../..');
const QUESTION = 'what is SORM?';
let double: OpenAiDouble;
let dataDir: string;

beforeAll(async () => {
  double = await startOpenAiDouble('good');
  dataDir = mkdtempSync(join(tmpdir(), 'llm-accounting-'));
});
afterAll(async () => {
  await double.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function startReplica(): Promise<{ app: App; url: string }> {
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', PLAYGROUND: 'on', OPENAI_BASE_URL: double.url, OPENAI_API_KEY: 'sk-accounting', OPENAI_MODEL: 'double-model' });
  const app = createApp({ config, logger: silentLogger });
  const url = (await app.start()).url.replace('localhost', '127.0.0.1');
  return { app, url };
}

const health = async (url: string) => (await (await fetch(`${url}/healthz`)).json()) as { llm: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any

async function ask(url: string, mode: OpenAiDoubleMode): Promise<void> {
  double.mode = mode;
  const res = await fetch(`${url}/playground/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: QUESTION }) });
  expect(res.status).toBe(200);
}

/**
 * Waits for the playground's own warm-up question to be counted, so the test's counts start from a
 * known point. No deadline of its own (the test's timeout bounds it): at load 20 the warm-up took
 * over the 10 s this once gave up after, and its count then landed among the test's (4 for 3).
 */
async function settled(url: string): Promise<number> {
  for (;;) {
    const calls = (await health(url)).llm.calls as number;
    if (calls >= 1) return calls;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('model accounting', () => {
  let before: { a: number; b: number };

  it('shows each process its counts in /healthz: kept, fallbacks and dropped sentences by reason, latency; no text', async () => {
    const a = await startReplica();
    const b = await startReplica();
    try {
      before = { a: await settled(a.url), b: await settled(b.url) };
      await ask(a.url, 'good');
      await ask(a.url, 'hallucinated-passage');
      await ask(a.url, 'server-error');
      await ask(b.url, 'good');
      const { llm } = await health(a.url);
      expect(llm.calls).toBe(before.a + 3);
      expect(llm.fallbacks['too-little-left']).toBe(1);
      expect(llm.fallbacks['http-error']).toBe(1);
      expect(llm.sentences.dropped['unknown-passage']).toBeGreaterThanOrEqual(1);
      expect(llm.summariesKept).toBe(llm.calls - 2);
      expect(llm.latencyMs.histogram.reduce((n: number, h: { count: number }) => n + h.count, 0)).toBe(llm.calls);
      expect(typeof llm.latencyMs.medianAtMost).toBe('number');
      expect((await health(b.url)).llm.calls).toBe(before.b + 1);
      expect(JSON.stringify(llm)).not.toMatch(/SORM/i);
    } finally {
      await a.app.stop();
      await b.app.stop();
    }
  }, 60_000);

  it('`travel-advisor llm report` sums every process that wrote to the store, as text and as JSON', async () => {
    const run = (args: string[]) =>
      promisify(execFile)(process.execPath, ['dist/channels/cli/main.js', 'llm', 'report', ...args], { cwd: ROOT, env: { PATH: process.env.PATH, DATA_DIR: dataDir } });
    const json = JSON.parse((await run(['--json'])).stdout);
    expect(json.processes).toBe(2);
    expect(json.calls).toBe(before.a + before.b + 4);
    expect(json.fallbacks).toMatchObject({ 'too-little-left': 1, 'http-error': 1 });
    expect(json.summariesKept).toBe(json.calls - 2);
    expect(json.models).toEqual(['OpenAI-compatible server 127.0.0.1:' + new URL(double.url).port + ', model double-model, API key']);
    const { stdout } = await run([]);
    expect(stdout).toContain(`Model summaries: 2 server processes in sqlite (${join(dataDir, 'store.sqlite')})`);
    expect(stdout).toMatch(new RegExp(`Answers written by the model: ${json.summariesKept} of ${json.calls} calls`));
    expect(stdout).toMatch(/Fell back to the extractive summary: 2 \(.*\): http-error 1, too-little-left 1/);
    expect(stdout).toMatch(/Latency: median ≤ \d+ ms, p95 ≤ \d+ ms/);
    expect(stdout).not.toMatch(/SORM|sk-accounting/);
  }, 60_000);

  it('says plainly when the store holds no accounting yet', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'llm-accounting-empty-'));
    try {
      const { stdout } = await promisify(execFile)(process.execPath, ['dist/channels/cli/main.js', 'llm', 'report'], { cwd: ROOT, env: { PATH: process.env.PATH, DATA_DIR: empty } });
      expect(stdout).toMatch(/^No model accounting in the store \(sqlite .*\) yet\. A server with a model configured writes its counts there once a minute/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  }, 30_000);

  it('keeps one record per process in Redis too, read back in full', async () => {
    const config = loadConfig({ STORE_URL: 'redis://127.0.0.1:6379', DATA_DIR: dataDir });
    const store = createStore<StoredLlmAccounting>(config, `llm-accounting-test-${randomUUID()}`);
    try {
      for (const latencyMs of [120, 3000]) {
        const accounting = createLlmAccounting();
        accounting.record({ ok: latencyMs < 1000, reason: latencyMs < 1000 ? undefined : 'timeout', proposed: 2, kept: 1, dropped: ['low-overlap'], latencyMs });
        await createLlmAccountingRecorder({ accounting, store, model: 'm', logger: silentLogger }).stop();
      }
      const records = await readLlmAccounting(store);
      expect(records.map((r) => [r.calls, r.summariesKept, r.fallbacks, r.sentencesDropped])).toEqual(
        expect.arrayContaining([[1, 1, {}, { 'low-overlap': 1 }], [1, 0, { timeout: 1 }, { 'low-overlap': 1 }]]),
      );
      await store.clear();
    } finally {
      await closeStores([store], 1000);
    }
  });
});
