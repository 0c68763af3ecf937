/**
 * The Teams user's own time zone, from the activity itself: the Bot Framework's
 * `localTimezone` (an IANA name, e.g. "America/Los_Angeles"), else the `timezone` of the
 * `clientInfo` entity Teams clients attach, else DEFAULT_TIMEZONE. Both are checked
 * against the runtime's zone list, since in local mode anyone on this machine writes the
 * activity: a bad zone falls back rather than failing the turn. Pure.
 */
import { isTimeZone } from '../../render/local-time.js';
import type { TeamsInbound } from './teams-port.js';

export function teamsTimeZone(activity: Pick<TeamsInbound, 'localTimezone' | 'entities'>, fallback: string): string {
  if (isTimeZone(activity.localTimezone)) return activity.localTimezone;
  const client = activity.entities?.find((e) => e?.type === 'clientInfo')?.timezone;
  return isTimeZone(client) ? client : fallback;
}
