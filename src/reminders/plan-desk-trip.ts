/**
 * How a travel desk plans a trip for someone else, whichever way it asks: the HTTP API
 * for booking tools, `/travel-desk remind` in Slack, `travel-desk remind` in Teams. One
 * path, so every way in checks the same things in the same order (the dates a desk may
 * plan, then that every destination names a country) and creates the trip the same way.
 * A refusal is an InvalidTripError listing each problem; nothing is created.
 */
import type { Advisor } from '../advisor/create-advisor.js';
import { resolveDestinations } from '../advisor/resolve-destinations.js';
import { InvalidTripError } from '../errors.js';
import { checkTripDates, tripDateLimits, type TripDateSettings } from './check-trip-dates.js';
import type { NewTrip, ReminderService, TripView } from './types.js';

export interface DeskTripDeps {
  advisor: Pick<Advisor, 'understand'>;
  reminders: Pick<ReminderService, 'createTrip'>;
  clock: () => Date;
  limits: TripDateSettings;
}

/** A desk's trip: destinations as names or ISO codes, as the desk wrote them. */
export type DeskTripRequest = Omit<NewTrip, 'destinations'> & { destinations: string[] };

export async function planDeskTrip(deps: DeskTripDeps, request: DeskTripRequest): Promise<TripView> {
  const dates = checkTripDates(request, tripDateLimits(deps.limits, deps.clock()));
  if (dates.length) throw new InvalidTripError(dates);
  const { codes, unknown } = resolveDestinations(deps.advisor, request.destinations);
  if (unknown.length) throw new InvalidTripError(unknown.map((u) => `destinations: "${u.slice(0, 80)}" is not a country name or ISO code`));
  return deps.reminders.createTrip({ ...request, destinations: codes });
}
