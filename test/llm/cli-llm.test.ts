/**
 * Proves the done-criterion as a user runs it: the real `travel-advisor ask --json`
 * process (bin → dist) with OPENAI_API_KEY and OPENAI_BASE_URL pointing at the local
 * Chat Completions double. A faithful model gives method "llm" with every sentence cited;
 * a server that never answers gives method "extractive" within OPENAI_TIMEOUT_MS. An Azure
 * deployment URL with api-version, set in the process environment where the openai SDK
 * also looks, reaches the deployment's path with its api-version and the key as api-key.
 * (The offline path is test/cli/ask.test.ts; every other failure mode is
 * llm-summarizer.test.ts; every model configuration in-process is model-configurations.test.ts.)
 */
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerSchema } from '../../src/advisor/answer.js';
import { startOpenAiDouble, type OpenAiDouble, type OpenAiDoubleMode } from '../doubles/openai-server.js';

const run = promisify(execFile);
const BIN = join(resolve(import.meta.dirname, '../..'), 'bin/travel-advisor.js');
let double: OpenAiDouble;

beforeAll(async () => {
  double = await startOpenAiDouble('good');
});
afterAll(() => double.close());

async function ask(env: Record<string, string>) {
  const r = await run(process.execPath, [BIN, 'ask', '--json', 'what is SORM?'], { env: { PATH: process.env.PATH ?? '', ...env } });
  return answerSchema.parse(JSON.parse(r.stdout));
}

const withDouble = () => ({ OPENAI_API_KEY: 'sk-cli-double', OPENAI_BASE_URL: double.url, OPENAI_TIMEOUT_MS: '1500' });

describe('travel-advisor ask with an OpenAI-compatible server', () => {
  it('answers "what is SORM?" with method llm, every sentence cited', async () => {
    double.mode = 'good';
    const answer = await ask(withDouble());
    expect(answer.intent).toBe('topic');
    expect(answer.summary?.method).toBe('llm');
    expect(answer.summary!.sentences.every((s) => s.citations.length > 0 && s.passages.length > 0)).toBe(true);
  });

  it('answers through an Azure deployment URL pasted from the portal, at its path and api-version', async () => {
    double.mode = 'good';
    double.requests.length = 0;
    const url = `${double.origin}/openai/deployments/gpt-4o-prod/chat/completions?api-version=2024-10-21`;
    const answer = await ask({ OPENAI_BASE_URL: url, OPENAI_API_KEY: 'azure-cli-key', OPENAI_TIMEOUT_MS: '5000' });
    expect(answer.summary?.method).toBe('llm');
    const [r] = double.requests;
    expect([r!.path, r!.query, r!.headers['api-key'], r!.headers.authorization]).toEqual(['/openai/deployments/gpt-4o-prod/chat/completions', { 'api-version': '2024-10-21' }, 'azure-cli-key', undefined]);
  });

  // One process per case costs seconds; the other failure modes run in-process in llm-summarizer.test.ts.
  it.each<OpenAiDoubleMode>(['slow'])('falls back to extractive when the server is %s', async (mode) => {
    double.mode = mode;
    const answer = await ask(withDouble());
    expect(answer.summary?.method).toBe('extractive');
    expect(answer.summary!.sentences.every((s) => s.citations.length > 0)).toBe(true);
  });
});
