/**
 * Recognises a sentence that tells the reader to use a VPN or anything like one
 * (a tunnel, proxy, WireGuard, Tor, Shadowsocks …). Where a country's VPN status is
 * banned, restricted or unknown no such sentence may reach a traveller: content:check
 * rejects it in prose and checklists, and the advisor drops it from summaries.
 *
 * Facts about the law ("VPNs are banned since 2015") and advice NOT to use one
 * ("do not install a VPN") are not advice to use one. The test leans towards the
 * advice side: a false alarm costs an author a rewording, a miss could send a
 * traveller to break local law. MUST stay in sync with content/README.md ("VPN advice").
 */

/** Words for a VPN or any way round a network's controls. */
export const TUNNEL_TERMS =
  /\b(vpns?|virtual private networks?|tunnel(?:s|led|ling)?|proxy|proxies|wireguard|openvpn|ipsec|tor|onion rout\w*|shadowsocks|v2ray|psiphon|anonymi[sz]ers?|circumvention tools?)\b/i;

/** Verbs that, said to the reader, ask them to act (base forms: a clause opening with "using" is a gerund, not advice). */
const STRONG = 'use|connect|route|tunnel|install|set up|turn on|switch on|enable|rely|configure|keep using';
const WEAK = 'access|reach|send|browse|run|log in|sign in|go|stay|work';
/** After "recommend", "advise" …: "recommends using", "advise connecting". */
const GERUNDS = 'using|connecting|routing|tunnelling|tunneling|installing|setting up|enabling|relying';
const ACTION = new RegExp(`\\b(${STRONG}|${WEAK}|${GERUNDS})\\b`, 'i');
/** "Use …", "Always connect …", "Please route …" at the start of a clause. */
const IMPERATIVE = new RegExp(`^(please\\s+)?((always|only|still|just|then|also)\\s+)*(${STRONG}|${WEAK})\\b`, 'i');
/** "… and use …", "… then connect …" inside a clause. */
const CHAINED = new RegExp(`\\b(and|then|or|but|so)\\s+((always|only|also)\\s+)?(${STRONG})\\b`, 'i');
/** "you should use", "travellers can connect", "it is safe to use", "we recommend using", "advises companies to use". */
const MODAL = new RegExp(
  `\\b((you|travell?ers|staff|employees|visitors|users|everyone|people|companies|businesses)\\s+(should|must|can|could|may|need to|ought to|are advised to|are told to|are encouraged to)|(recommend(s|ed)?|advise(s|d)?|suggest(s|ed)?|urge(s|d)?|encourage(s|d)?|it is (safe|fine|best|wise|advisable|possible) to|make sure (to|you)|remember to|be sure to))(\\s+\\w+){0,2}?(\\s+to)?\\s+((always|only|also)\\s+)?(${STRONG}|${WEAK}|${GERUNDS})\\b`,
  'i',
);
/** Advice not to: "do not use", "never connect", "avoid", "without a VPN". */
const NEGATION = /\b(do not|don't|never|not|avoid|refrain from|no longer|instead of|rather than|without|stop)\b/i;

/** Clauses, each marked when it follows a comma (and so may continue the clause before it). */
function clauses(sentence: string): Array<{ text: string; afterComma: boolean }> {
  const out: Array<{ text: string; afterComma: boolean }> = [];
  const re = /([;:,])\s+|\s[–—-]\s+|\s•\s+/g;
  let last = 0;
  let afterComma = false;
  for (const m of sentence.matchAll(re)) {
    out.push({ text: sentence.slice(last, m.index).trim(), afterComma });
    afterComma = m[1] === ',';
    last = m.index + m[0].length;
  }
  out.push({ text: sentence.slice(last).trim(), afterComma });
  return out.filter((c) => c.text);
}

/** A clause that starts over with its own subject or a turn ("but", "instead", "you …") is not a continuation. */
const FRESH_START = /^(but|instead|however|yet|then|you|we|travell?ers|staff|employees|users|it|this|they|he|she)\b/i;

function negatedBeforeAction(clause: string): boolean {
  const negation = NEGATION.exec(clause);
  const action = ACTION.exec(clause);
  return !!negation && (!action || negation.index < action.index);
}

/** True when `sentence` tells the reader to use a VPN, tunnel, proxy or the like. */
export function givesVpnAdvice(sentence: string): boolean {
  const s = sentence.replace(/\s+/g, ' ').trim();
  if (!TUNNEL_TERMS.test(s)) return false;
  let previousWasAdvice = false;
  let previousNegated = false;
  for (const { text: clause, afterComma } of clauses(s)) {
    // "do not install, carry or use a VPN": the "not" governs the rest of the list.
    const negated: boolean = negatedBeforeAction(clause) || (previousNegated && afterComma && !FRESH_START.test(clause));
    const advice = (IMPERATIVE.test(clause) || CHAINED.test(clause) || MODAL.test(clause)) && !negated;
    previousNegated = negated;
    if (TUNNEL_TERMS.test(clause)) {
      if (advice) return true;
      // "Use encrypted apps, and a company VPN where lawful": the verb is in the clause before.
      if (previousWasAdvice && /^(and|or|plus|as well as)\b/i.test(clause) && !NEGATION.test(clause)) return true;
    }
    previousWasAdvice = advice;
  }
  return false;
}
