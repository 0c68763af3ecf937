/**
 * Proves how the advisor reads what a question is about (src/retrieval/subjects.ts,
 * read-scope.ts): "WhatsApp" is messaging apps and "work laptop" is carrying devices,
 * visas and the weather are out of scope unless the question also cues a covered subject,
 * place names and feelings ("safe", "work") never pin a subject, and every word of the
 * lexicon survives the shared term rules, so no entry silently turns into a single
 * everyday word (as "travel device" would, "travel" being chat filler).
 */
import { describe, expect, it } from 'vitest';
import { contentTerms } from '../../src/content/terms.js';
import { OUT_OF_SCOPE, SUBJECTS } from '../../src/retrieval/subjects.js';
import { isOnQuestion, isSubjectCue, readScope } from '../../src/retrieval/read-scope.js';

const ids = (q: string, places: string[] = []) => readScope(q, places).subjects.map((s) => s.id);

describe('reading what a question is about', () => {
  it('keeps every word of every lexicon entry through the shared term rules', () => {
    const entries = [...SUBJECTS.flatMap((s) => [...s.cues, ...s.evidence]), ...OUT_OF_SCOPE.flatMap((s) => s.cues)];
    for (const entry of entries) expect(contentTerms(entry), entry).toHaveLength(entry.split(/[\s-]+/).length);
  });

  it('reads "is WhatsApp safe in Minsk?" as messaging apps, pinned by "whatsapp" alone', () => {
    const scope = readScope('is WhatsApp safe in Minsk?', ['Minsk']);
    expect(scope.subjects.map((s) => s.id)).toEqual(['messaging']);
    expect(scope.topicTerms).toEqual(['whatsapp']);
  });

  it('reads "can I take my work laptop to Moscow?" as carrying devices', () => {
    expect(ids('can I take my work laptop to Moscow?', ['Moscow'])).toEqual(['devices']);
  });

  it.each([
    ['do I need a visa for Russia?', 'visas'],
    ["what's the weather in Moscow?", 'weather'],
    ['can I fly a drone in Uzbekistan?', 'drones'],
    ['which vaccinations do I need for Kyrgyzstan?', 'health'],
  ])('reads "%s" as out of scope (%s)', (q, id) => {
    const scope = readScope(q);
    expect(scope.subjects).toEqual([]);
    expect(scope.outOfScope?.id).toBe(id);
  });

  it('answers the covered part of a mixed question instead of calling it out of scope', () => {
    const scope = readScope("can I bring my drone's memory card through customs?");
    expect(scope.subjects.map((s) => s.id)).toEqual(['devices']);
    expect(scope.outOfScope).toBeNull();
  });

  it('puts a sentence on the question by the subject\'s evidence, not by a word the question happens to share', () => {
    const scope = readScope('is WhatsApp safe in Minsk?', ['Minsk']);
    expect(isOnQuestion('Officials may demand to see the channels and chats you follow.', scope)).toBe(true);
    expect(isOnQuestion('Belarus is named as one of six countries that very likely bought Russian SORM systems.', scope)).toBe(false);
    expect(isOnQuestion('Any sentence at all.', readScope('travelling to Belarus next week'))).toBe(true);
  });

  it('counts subject cues, not everyday words, as words that tie a question to the content', () => {
    expect(isSubjectCue('whatsapp')).toBe(true);
    expect(isSubjectCue('camera')).toBe(true);
    expect(isSubjectCue('world')).toBe(false);
  });
});
