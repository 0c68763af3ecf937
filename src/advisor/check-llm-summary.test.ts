/**
 * Proves the output check drops each kind of unsupported sentence a model can write
 * (no ids, unknown ids, new words, new numbers, added negation, added reassurance) and
 * keeps faithful paraphrases with the sources of the passage sentences they rest on.
 */
import { describe, expect, it } from 'vitest';
import type { Passage } from '../content/types.js';
import { checkLlmSummary } from './check-llm-summary.js';

const passage: Passage = {
  id: 'topic:sorm#what-sorm-is',
  kind: 'topic',
  ref: 'sorm',
  title: 'SORM',
  heading: 'What SORM is',
  countries: [],
  keywords: ['SORM'],
  sentences: [
    { text: 'SORM is the Russian system for lawful interception installed inside telecom networks.', sources: ['src-a'] },
    { text: 'Operators have had to install SORM-3 equipment since 2014.', sources: ['src-b'] },
  ],
  text: 'SORM is the Russian system for lawful interception installed inside telecom networks. Operators have had to install SORM-3 equipment since 2014.',
};

const check = (text: string, passages = [passage.id]) => checkLlmSummary([{ text, passages }], [passage]);

describe('checkLlmSummary', () => {
  it('keeps a faithful paraphrase and cites the sources of the sentences it rests on', () => {
    const r = check('SORM is a Russian lawful interception system installed in telecom networks.');
    expect(r.dropped).toEqual([]);
    expect(r.kept).toEqual([{ text: 'SORM is a Russian lawful interception system installed in telecom networks.', sources: ['src-a', 'src-b'], passages: [passage.id] }]);
  });

  it('cites only the passage sentence a claim shares words with', () => {
    expect(check('Operators install SORM-3 equipment since 2014.').kept[0]!.sources).toContain('src-b');
    expect(check('Interception is installed inside telecom networks.').kept[0]!.sources).toEqual(['src-a']);
  });

  it.each([
    ['uncited', 'SORM is a Russian interception system.', []],
    ['unknown-passage', 'SORM is a Russian interception system.', ['topic:sorm#invented']],
    ['low-overlap', 'SORM was designed by the KGB to monitor diplomats abroad.', [passage.id]],
    ['unsupported-number', 'Operators have had to install SORM-3 equipment since 2016.', [passage.id]],
    ['unsupported-negation', 'SORM is not installed inside telecom networks.', [passage.id]],
    ['reassurance', 'SORM is installed inside telecom networks, so interception is safe.', [passage.id]],
    ['empty', '   ', [passage.id]],
  ])('drops a sentence: %s', (reason, text, ids) => {
    const r = check(text, ids as string[]);
    expect(r.kept).toEqual([]);
    expect(r.dropped).toEqual([{ index: 0, reason }]);
  });
});
