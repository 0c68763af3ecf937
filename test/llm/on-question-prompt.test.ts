/**
 * Proves the model is shown only what is on the question, so its summary cannot drift:
 * for "is WhatsApp safe in Minsk?" the prompt the real SDK sends to a local Chat
 * Completions double over real HTTP holds Belarus's passages first and no sentence about
 * another country (no Nicaragua, no Uzbek procurement), every passage sentence is on
 * messaging, and the answer the model gives is about Belarus. An out-of-scope question
 * ("do I need a visa for Russia?") never reaches the model. Redaction still applies.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildAdvisor } from '../../src/app/build-advisor.js';
import { loadConfig } from '../../src/config.js';
import type { Advisor } from '../../src/advisor/create-advisor.js';
import { gazetteerPlaceFinder } from '../../src/retrieval/place-finder.js';
import { sharedUnderstander } from '../support/shared-understander.js';
import { startOpenAiDouble, passagesInPrompt, questionInPrompt, type OpenAiDouble } from '../doubles/openai-server.js';

let double: OpenAiDouble;
let advisor: Advisor;
const placesIn = gazetteerPlaceFinder(sharedUnderstander().gazetteer);

beforeAll(async () => {
  double = await startOpenAiDouble('good');
  advisor = buildAdvisor(loadConfig({ OPENAI_API_KEY: 'sk-double-key', OPENAI_BASE_URL: double.url, OPENAI_MODEL: 'double-model' }));
});
afterAll(() => double.close());
beforeEach(() => {
  double.mode = 'good';
  double.requests.length = 0;
});

describe('the model sees only what is on the question', () => {
  it('"is WhatsApp safe in Minsk?" sends Belarus\'s passages on messaging first and nothing about other countries', async () => {
    const answer = await advisor.ask('is WhatsApp safe in Minsk?');
    expect(double.requests).toHaveLength(1);
    const prompt = double.requests[0]!.body.messages[1]!.content;
    const shown = passagesInPrompt(prompt);
    expect(shown[0]!.id).toBe('country:by#practical-notes');
    for (const p of shown) {
      expect(p.text).toMatch(/message|chat|Telegram/i);
      if (!p.id.startsWith('country:by#')) expect(placesIn(p.text).codes.filter((c) => c !== 'BY'), p.id).toEqual([]);
    }
    expect(prompt).not.toMatch(/Nicaragua|Uzbek|Cuba/);
    expect(answer.summary?.method).toBe('llm');
    for (const s of answer.summary!.sentences) expect(s.passages.every((id) => id.startsWith('country:by#') || id.startsWith('topic:')), s.text).toBe(true);
  });

  it('still redacts the question: a colleague\'s email never reaches the model', async () => {
    await advisor.ask('is WhatsApp safe in Minsk? asking for anna.petrova@example.com');
    const question = questionInPrompt(double.requests[0]!.body.messages[1]!.content);
    expect(question).toContain('Minsk');
    expect(question).not.toContain('anna.petrova@example.com');
  });

  it('never calls the model for a question outside surveillance and device security', async () => {
    const answer = await advisor.ask('do I need a visa for Russia?');
    expect(double.requests).toHaveLength(0);
    expect(answer.summary).toBeNull();
    expect(answer.message).toBe('I cover surveillance and device security, not visas. Here is the surveillance risk for Russia.');
  });
});
