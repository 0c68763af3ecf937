/**
 * Measures the share of model sentences the output check keeps, over every question of
 * the retrieval evaluation set, with the real SDK against the local double: verbatim
 * sentences from the passages must all be kept (the check never drops a faithful copy),
 * lightly reworded ones mostly kept (the figure reported in docs/retrieval.md), and
 * sentences citing passages that were never shown all dropped, so every answer falls back.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content.js';
import { createPassageIndex } from '../../src/retrieval/passage-index.js';
import { evalSetSchema } from '../../src/retrieval/eval-retrieval.js';
import { evaluateLlmSummaries } from '../../src/channels/cli/retrieval/eval-llm.js';
import { silentLogger } from '../../src/logger.js';
import { loadConfig } from '../../src/config.js';
import { startOpenAiDouble, type OpenAiDouble } from '../doubles/openai-server.js';

const content = loadContent(resolve(import.meta.dirname, '../../content'));
const retriever = createPassageIndex(content);
const set = evalSetSchema.parse(parse(readFileSync(resolve(import.meta.dirname, '../retrieval/eval-set.yaml'), 'utf8')));
let double: OpenAiDouble;
beforeAll(async () => {
  double = await startOpenAiDouble('good');
});
afterAll(() => double.close());

const run = () =>
  evaluateLlmSummaries(content, retriever, set, { endpoint: loadConfig({ OPENAI_API_KEY: 'sk-eval', OPENAI_BASE_URL: double.url, OPENAI_MODEL: 'double' }).model!, logger: silentLogger });

describe('share of model sentences kept by the output check', () => {
  it('keeps every verbatim sentence, so every eval question is answered by the model', async () => {
    double.mode = 'good';
    const r = await run();
    console.info(`verbatim: kept ${r.kept}/${r.proposed}`);
    expect(r.calls).toBe(set.questions.length);
    expect(r.kept).toBe(r.proposed);
    expect(r.answeredWithLlm).toBe(r.calls);
  });

  it('keeps most lightly reworded sentences', async () => {
    double.mode = 'paraphrase';
    const r = await run();
    console.info(`paraphrase: kept ${r.kept}/${r.proposed} (${((r.keptShare) * 100).toFixed(1)}%), drops ${JSON.stringify(r.dropReasons)}`);
    expect(r.keptShare).toBeGreaterThanOrEqual(0.8);
  });

  it('keeps nothing that cites passages the model was not shown', async () => {
    double.mode = 'hallucinated-passage';
    const r = await run();
    expect(r.kept).toBe(0);
    expect(r.fallbackReasons).toEqual({ 'too-little-left': r.calls });
  });
});
