/**
 * The advisor every door reads through, so a content reload reaches all of them at
 * once: `advisor` forwards each call to whichever advisor is current when the call
 * starts, and `swap` replaces it in one assignment. A request already under way
 * finishes on the content it started with; the next one sees the new content.
 */
import type { Advisor } from '../advisor/create-advisor.js';
import type { QuestionObserver } from '../advisor/question-seen.js';

export interface AdvisorHolder {
  /** Give this to doors: it always answers with the current advisor. */
  readonly advisor: Advisor;
  /** The advisor serving now (one content for a whole alert pass). */
  current(): Advisor;
  swap(next: Advisor): void;
}

/**
 * Starts with `initial`; a reload swaps in the next advisor. `observe` is told about every
 * question any door asks through `advisor` (src/insights/ counts them; never the text),
 * whichever advisor answers it.
 */
export function createAdvisorHolder(initial: Advisor, options: { observe?: QuestionObserver } = {}): AdvisorHolder {
  let current = initial;
  const advisor: Advisor = {
    get content() {
      return current.content;
    },
    ask: (text, o) => current.ask(text, options.observe && !o?.observe ? { ...o, observe: options.observe } : o),
    answerForCountries: (codes, options) => current.answerForCountries(codes, options),
    understand: (text, options) => current.understand(text, options),
  };
  return {
    advisor,
    current: () => current,
    swap(next) {
      current = next;
    },
  };
}
