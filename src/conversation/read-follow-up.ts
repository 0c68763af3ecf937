/**
 * Whether a message leans on what the thread said before: "what about the VPN there?"
 * (refers back), "and Uzbekistan?" (continues), "what should I do after I'm back?" (after
 * the trip), "can I take my laptop?" (the traveller's own practical question). Only
 * these cues make a message a follow-up; "what is SORM?" in the same thread stays a
 * general question. Pure, English and a few Russian and Spanish words; the conversation
 * service decides what to do with the cues.
 */

export interface FollowUpCues {
  /** Points back at the thread's destination or trip: "there", "that country", "the trip". */
  refersBack: boolean;
  /** Continues the last question with something new: "and Uzbekistan?", "what about my phone?". */
  continues: boolean;
  /** Asks about the time after the trip: "after I'm back", "when I return", "post-trip". */
  afterTrip: boolean;
  /** The traveller's own practical question: "can I …", "should I …", "my laptop". */
  personal: boolean;
}

// \b knows only ASCII letters: Cyrillic and accented words are bounded by "not a letter".
const REFERS_BACK =
  /\b(there|that country|this country|those countries|these countries|that place|those places|the trip|this trip|that trip|my trip|same trip|same place)\b|(?<!\p{L})(там|туда|allí|allá|ahí)(?!\p{L})/iu;
const CONTINUES = /^[\s¿]*(and|also|plus|what about|how about|what of|same for|и|а|y)(?!\p{L})/iu;
const AFTER_TRIP =
  /\b(after|once|when)\b[^.?!]{0,24}\b(back|return|returned|returning|home)\b|\bpost[- ]?trip\b|\bafter (the|my|this|our) (trip|travel|journey)\b|\bafter (i|we) (get|come|fly|am|are)\b/i;
const PERSONAL = /\b(can|could|should|do|may|must) (i|we)\b|\b(my|our) (phone|laptop|devices?|computer|tablet|accounts?|data|passwords?)\b/i;

export function readFollowUp(text: string): FollowUpCues {
  return {
    refersBack: REFERS_BACK.test(text),
    continues: CONTINUES.test(text),
    afterTrip: AFTER_TRIP.test(text),
    personal: PERSONAL.test(text),
  };
}
