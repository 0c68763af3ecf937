/**
 * The travel desk's command language, shared by Slack and Teams:
 * `remind <traveller> <destinations> <start>[..<end>]`, `trips`, `report`, `alerts`,
 * `insights [days]` (and, in Teams, `insights here` / `insights off` for the weekly post), `help`.
 * The traveller token is left to the door (a Slack mention, a Teams mention, an email);
 * destinations are names or codes, separated by spaces, commas or ";".
 */
import type { Advisor } from '../advisor/create-advisor.js';
import { resolveDestinations } from '../advisor/resolve-destinations.js';

export type DeskCommand =
  | { kind: 'remind'; traveller: string; destinations: string[]; start: string; end: string | null }
  | { kind: 'trips' }
  | { kind: 'report' }
  | { kind: 'alerts' }
  /** `days`: the period (default 7); `here`/`off`: post the weekly insights in this channel, or stop. */
  | { kind: 'insights'; days: number; weekly: 'here' | 'off' | null }
  | { kind: 'help' }
  | { kind: 'invalid'; message: string };

export const DESK_USAGE =
  'Usage: `remind @user Kazakhstan 2026-12-03..2026-12-10` (or an email instead of @user; several countries separated by commas), `trips` (upcoming trips), `report` (briefings sent, acknowledged, failed), `alerts` (who was told about a risk change), `insights [days]` (what people ask, what the content cannot answer, reviews due, acknowledgements, feedback).';

const RANGE = /^(\d{4}-\d{2}-\d{2})(?:\.\.(\d{4}-\d{2}-\d{2}))?$/;
const isDate = (s: string) => new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

export function parseDeskCommand(text: string, advisor: Pick<Advisor, 'understand'>): DeskCommand {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const verb = (words.shift() ?? 'help').toLowerCase();
  if (verb === 'trips' || verb === 'report' || verb === 'alerts' || verb === 'help') return { kind: verb };
  if (verb === 'insights') return parseInsights(words);
  if (verb !== 'remind') return { kind: 'invalid', message: `I don't know "${verb.slice(0, 30)}". ${DESK_USAGE}` };
  const traveller = words.shift();
  const range = words.pop();
  const m = range ? RANGE.exec(range) : null;
  if (!traveller || !m || !words.length) return { kind: 'invalid', message: DESK_USAGE };
  const [, start, end] = m as unknown as [string, string, string | undefined];
  if (!isDate(start) || (end && !isDate(end))) return { kind: 'invalid', message: `"${range}" is not a date or a date range YYYY-MM-DD..YYYY-MM-DD.` };
  const place = words.join(' ');
  const parts = place.split(/[,;]/).map((p) => p.trim()).filter(Boolean);
  let { codes, unknown } = resolveDestinations(advisor, parts);
  if (unknown.length && parts.length === 1) {
    // "Kazakhstan Kyrgyzstan": let the advisor find every place in the words.
    try {
      const places = advisor.understand(place).places.map((p) => p.countryCode);
      if (places.length) ({ codes, unknown } = { codes: places, unknown: [] });
    } catch {
      // keep the unknown list
    }
  }
  if (unknown.length) return { kind: 'invalid', message: `I don't know the country "${unknown[0]!.slice(0, 60)}". Use a country name or ISO code.` };
  return { kind: 'remind', traveller, destinations: codes, start, end: end ?? null };
}

/** `insights`, `insights 30`, `insights here`, `insights off`. */
function parseInsights(words: string[]): DeskCommand {
  const arg = (words[0] ?? '').toLowerCase();
  if (words.length > 1) return { kind: 'invalid', message: 'Usage: `insights` (the last 7 days), `insights 30` (the last 30 days), `insights here` or `insights off` (Teams: the weekly post in this channel).' };
  if (!arg) return { kind: 'insights', days: 7, weekly: null };
  if (arg === 'here' || arg === 'off') return { kind: 'insights', days: 7, weekly: arg };
  if (/^\d{1,4}$/.test(arg) && Number(arg) >= 1) return { kind: 'insights', days: Number(arg), weekly: null };
  return { kind: 'invalid', message: `"${arg.slice(0, 20)}" is not a number of days; try \`insights 30\`.` };
}
