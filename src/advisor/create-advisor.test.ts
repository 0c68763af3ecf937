/**
 * Proves the advisor reads a message once: given the understanding the conversation
 * service already made (src/conversation/), it answers from that and never reads the
 * text again; without one, it understands the message itself, every time (no cache).
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../content/load-content.js';
import { createPassageIndex } from '../retrieval/passage-index.js';
import type { Understander, Understanding } from '../understand/types.js';
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

describe('createAdvisor reads each message once', () => {
  it('answers from an understanding it is given, without reading the text again', async () => {
    const { advisor, calls } = countingAdvisor();
    const now = new Date('2026-11-23T09:00:10Z');
    const understood = advisor.understand('Kyrgyzstan', { now, timeZone: 'UTC' });
    // The conversation service may answer a follow-up for the thread's destination.
    const followUp: Understanding = { ...understood, places: [{ countryCode: 'UZ', text: 'UZ', confidence: 1, kind: 'code' }] };
    const answer = await advisor.ask('Kyrgyzstan', { now, timeZone: 'UTC', understanding: followUp });
    expect(answer.destinations.map((d) => d.countryCode)).toEqual(['UZ']);
    expect(calls).toHaveLength(1);
  });

  it('understands the text itself, each time, when no understanding is given', async () => {
    const { advisor, calls } = countingAdvisor();
    const now = new Date('2026-11-23T09:00:10Z');
    await advisor.ask('Kyrgyzstan', { now, timeZone: 'UTC' });
    await advisor.ask('Kyrgyzstan', { now, timeZone: 'UTC' });
    expect(calls).toEqual(['UTC 2026-11-23T09:00:10.000Z Kyrgyzstan', 'UTC 2026-11-23T09:00:10.000Z Kyrgyzstan']);
  });
});
