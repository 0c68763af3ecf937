/**
 * A short, stable id for an answer, so feedback can name the answer it is about without
 * storing any of its text: a SHA-256 over the destinations, the summariser and the
 * summary's sentences and passage ids, cut to 64 bits. The same answer shown to many
 * people has one fingerprint (their votes are told apart by the voter hash); the user's
 * own words (`trip.said`) are left out. Pure, so renderers may call it.
 */
import { createHash } from 'node:crypto';
import type { Answer } from '../advisor/answer.js';

export function answerFingerprint(answer: Pick<Answer, 'destinations' | 'summary'>): string {
  const basis = JSON.stringify([
    answer.destinations.map((d) => d.countryCode),
    answer.summary?.method ?? null,
    answer.summary?.sentences.map((s) => [s.text, s.passages]) ?? [],
  ]);
  return `a-${createHash('sha256').update(basis).digest('hex').slice(0, 16)}`;
}
