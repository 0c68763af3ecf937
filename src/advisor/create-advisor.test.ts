/**
 * Proves the advisor reuses a recent understanding of the same message (two listeners of
 * one door reading one message) without ever mixing up messages, zones or minutes.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../content/load-content.js';
import { createPassageIndex } from '../content/passage-index.js';
import type { Understander } from '../understand/types.js';
import { createAdvisor } from './create-advisor.js';
import { createExtractiveSummarizer } from './extractive-summarizer.js';

const content = loadContent(resolve(import.meta.dirname, '../../content'));

function countingAdvisor() {
  const calls: string[] = [];
  const understander: Understander = {
    understand(text, ctx) {
      calls.push(`${ctx.timeZone} ${ctx.now.toISOString()} ${text}`);
      return { intent: 'country', intentConfidence: 1, places: [{ countryCode: 'KG', text: 'Kyrgyzstan', confidence: 1, kind: 'country' }], suggestions: [], trip: null, text };
    },
  };
  const advisor = createAdvisor({ content, understander, retriever: createPassageIndex(content), summarizer: createExtractiveSummarizer(content) });
  return { advisor, calls };
}

describe('createAdvisor understanding reuse', () => {
  it('understands a message once when it is read twice within the same minute', async () => {
    const { advisor, calls } = countingAdvisor();
    const now = new Date('2026-11-23T09:00:10Z');
    advisor.understand('Kyrgyzstan', { now, timeZone: 'UTC' });
    const answer = await advisor.ask('Kyrgyzstan', { now: new Date('2026-11-23T09:00:50Z'), timeZone: 'UTC' });
    expect(answer.destinations[0]?.countryCode).toBe('KG');
    expect(calls).toHaveLength(1);
  });

  it('understands again for another text, zone or minute', () => {
    const { advisor, calls } = countingAdvisor();
    const now = new Date('2026-11-23T09:00:10Z');
    advisor.understand('Kyrgyzstan', { now, timeZone: 'UTC' });
    advisor.understand('Kyrgyzstan!', { now, timeZone: 'UTC' });
    advisor.understand('Kyrgyzstan', { now, timeZone: 'Asia/Bishkek' });
    advisor.understand('Kyrgyzstan', { now: new Date('2026-11-23T09:01:00Z'), timeZone: 'UTC' });
    expect(calls).toHaveLength(4);
  });

  it('keeps a bounded number of recent understandings', () => {
    const { advisor, calls } = countingAdvisor();
    const now = new Date('2026-11-23T09:00:10Z');
    for (let i = 0; i < 300; i++) advisor.understand(`message ${i}`, { now });
    advisor.understand('message 0', { now }); // evicted long ago: understood again
    advisor.understand('message 299', { now }); // recent: reused
    expect(calls).toHaveLength(301);
  });
});
