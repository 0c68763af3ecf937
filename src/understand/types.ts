/** What understanding a message yields; the advisor builds the Answer from this. */
import type { IntentName, Trip } from '../advisor/answer.js';

export interface PlaceMatch {
  countryCode: string;
  /** The words in the message that named the place. */
  text: string;
  /** 0..1; matches below the configured threshold become suggestions. */
  confidence: number;
  kind: 'country' | 'code' | 'city' | 'demonym' | 'flag' | 'fuzzy';
}

export interface Understanding {
  intent: IntentName;
  intentConfidence: number;
  /** Confident destinations, in the order the message names them, without repeats. */
  places: PlaceMatch[];
  /** Low-confidence matches to offer as "Did you mean …?". */
  suggestions: PlaceMatch[];
  trip: Trip | null;
  /** The message with Slack/Teams markup removed. */
  text: string;
}

export interface UnderstandContext {
  now: Date;
  /** IANA zone of the user, e.g. "Asia/Bishkek". */
  timeZone: string;
}

export interface Understander {
  understand(text: string, ctx: UnderstandContext): Understanding;
}
