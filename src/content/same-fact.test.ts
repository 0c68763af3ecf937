/**
 * Proves content:check's "one fact, one indicator" test finds two indicators that rest
 * on the same fact (same source, mostly the same words) and leaves distinct facts from
 * one source alone.
 */
import { describe, expect, it } from 'vitest';
import { sameFactPairs } from './same-fact.js';

const present = (evidence: string, sources: string[]) => ({ status: 'present', evidence, sources });

describe('sameFactPairs', () => {
  it('finds one fact counted under two indicators', () => {
    const pairs = sameFactPairs({
      'interception-law': present('A 2016 decree created a state switching centre, and since January 2018 all internet traffic must pass through state-owned Tojiktelecom.', ['news-2018']),
      'state-telecom-control': present('Since January 2018 all internet traffic passes through infrastructure owned by the state operator Tojiktelecom.', ['news-2018']),
    });
    expect(pairs).toEqual([['interception-law', 'state-telecom-control']]);
  });

  it('leaves distinct facts alone, even from one report', () => {
    expect(
      sameFactPairs({
        'interception-law': present('Resolution 358 obliges operators to provide network functions for operational-search work.', ['report']),
        'encryption-restrictions': present('In 2019 providers pushed users to install a state root certificate that let encrypted traffic be read.', ['report']),
      }),
    ).toEqual([]);
  });

  it('needs a shared source, and ignores indicators not marked present', () => {
    const text = 'Since January 2018 all internet traffic passes through Tojiktelecom.';
    expect(sameFactPairs({ a: present(text, ['x']), b: present(text, ['y']) })).toEqual([]);
    expect(sameFactPairs({ a: present(text, ['x']), b: { status: 'unknown', evidence: text, sources: ['x'] } })).toEqual([]);
  });
});
