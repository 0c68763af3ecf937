/**
 * The CopyFormat every door words its notices with (src/render/copy.ts): country names
 * from the content served (else the ISO name), who to ask (SECURITY_CONTACT), and the
 * door's own way of writing an instant (Slack's date token, the reader's local time).
 */
import type { Advisor } from '../advisor/create-advisor.js';
import type { AppContext } from './app-context.js';
import { countryNamer } from './build-advisor.js';
import { listNames, type CopyFormat } from '../render/copy.js';

export function copyFormatOf(advisor: Pick<Advisor, 'content'>, contact: string, instant: (iso: string) => string): CopyFormat {
  // The content is read at each use: a reload swaps what advisor.content returns (advisor-holder.ts).
  return { instant, places: (codes) => listNames(codes.map(countryNamer(advisor.content))), contact };
}

/** The server's: its advisor and SECURITY_CONTACT. */
export function copyFormat(ctx: Pick<AppContext, 'advisor' | 'config'>, instant: (iso: string) => string): CopyFormat {
  return copyFormatOf(ctx.advisor, ctx.config.SECURITY_CONTACT, instant);
}
