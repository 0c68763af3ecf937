/**
 * Teams' message size as Microsoft counts it (the activity in UTF-16), the limits by
 * name, and the fitting rule every renderer uses: the richest version that fits, and
 * a named error, never a 413, when even the smallest one does not.
 */
import { describe, expect, it } from 'vitest';
import { MessageTooLargeError } from '../../../errors.js';
import { TEAMS_LIMITS } from './limits.js';
import { fitActivity, utf16Bytes } from './message-size.js';

describe('TEAMS_LIMITS', () => {
  it('states each Teams limit by name', () => {
    expect(TEAMS_LIMITS.cardVersion).toBe('1.5');
    expect(TEAMS_LIMITS.maxMessageBytes).toBe(100_000);
    expect(TEAMS_LIMITS.recommendedMessageBytes).toBe(80_000);
    expect(TEAMS_LIMITS.maxCitations).toBe(20);
    expect(TEAMS_LIMITS.maxCitationAbstract).toBe(160);
    expect(TEAMS_LIMITS.maxCitationName).toBe(80);
    expect(TEAMS_LIMITS.maxFallbackText).toBe(4000);
    expect(TEAMS_LIMITS.maxSuggestionButtons).toBe(3);
    expect(TEAMS_LIMITS.maxRefreshUserIds).toBe(60);
  });
});

describe('utf16Bytes', () => {
  it('counts two bytes per UTF-16 code unit of the JSON: ASCII, Cyrillic and emoji alike', () => {
    expect(utf16Bytes({ text: 'abc' })).toBe('{"text":"abc"}'.length * 2);
    // Cyrillic is two bytes in UTF-8 and in UTF-16; an emoji outside the BMP is four in both.
    expect(utf16Bytes('Бишкек')).toBe(16);
    expect(utf16Bytes('✅')).toBe(6);
    expect(utf16Bytes('🛂')).toBe(8);
  });
});

describe('fitActivity', () => {
  const sized = (chars: number) => () => ({ type: 'message', text: 'x'.repeat(chars) });

  it('returns the first version within the limit, richest first', () => {
    const chosen = fitActivity([sized(50_000), sized(30_000), sized(10)]);
    expect((chosen.text as string).length).toBe(30_000);
    expect(utf16Bytes(chosen)).toBeLessThanOrEqual(TEAMS_LIMITS.recommendedMessageBytes);
  });

  it('checks the last, smallest version too, and refuses to send it when it is over', () => {
    expect(() => fitActivity([sized(60_000), sized(45_000)])).toThrow(MessageTooLargeError);
    expect(() => fitActivity([sized(45_000)])).toThrow(/over the 80000-byte limit/);
  });
});
