/** Proves what counts as a content word, which the index, the extractive summary and the LLM check all rely on. */
import { describe, expect, it } from 'vitest';
import { contentTerms, foldTerm, words } from './terms.js';

describe('terms', () => {
  it('folds plural and possessive endings', () => {
    expect(['countries', 'uses', 'VPNs', "Russia's", 'boxes', 'access', 'status'].map(foldTerm)).toEqual(['country', 'use', 'vpn', 'russia', 'box', 'access', 'status']);
  });

  it('drops stop words and chat or trip filler', () => {
    expect(contentTerms("Hi, what's the SORM risk when travelling to Almaty next week?")).toEqual(['sorm', 'risk', 'almaty']);
  });

  it('splits negative contractions so "isn\'t" carries the negation "not"', () => {
    expect(words("It isn't banned")).toEqual(['it', 'is', 'not', 'banned']);
  });
});
