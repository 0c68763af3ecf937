/** What understanding a message yields; the advisor builds the Answer from this. */
import type { IntentName } from '../vocabulary/intents.js';
import type { Trip } from '../vocabulary/trip.js';

export interface PlaceMatch {
  countryCode: string;
  /** The words in the message that named the place. */
  text: string;
  /** 0..1; matches below the configured threshold become suggestions. */
  confidence: number;
  kind: 'country' | 'code' | 'city' | 'demonym' | 'flag' | 'fuzzy' | 'territory' | 'airport';
  /**
   * Set when the message named a territory or region with no assessment of its own
   * ("Crimea", "Sevastopol"): its name, answered as `countryCode`, the country the content
   * base files it under. The advisor says so in the answer.
   */
  territory?: string;
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
  /**
   * The user's locale (BCP 47: "en-US", "en-GB", "ru"), from the door: Slack's user
   * locale, Teams' activity locale, the browser's language, `--locale`. Only decides
   * whether "1/12" is 1 December (day first, the default) or 12 January (en-US).
   */
  locale?: string;
}

export interface Understander {
  understand(text: string, ctx: UnderstandContext): Understanding;
}
