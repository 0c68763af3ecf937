/**
 * Publishes a user's App Home tab: how-to plus their upcoming trips and reminders.
 * Called when the Home tab opens and after the user plans a trip, so it is current;
 * times in the user's own zone.
 */
import type { webApi } from '@slack/bolt';
import { countryNamer } from '../../../app/build-advisor.js';
import { homeView } from '../render/home-view.js';
import type { SlackDeps } from './slack-listener.js';

/** `timeZone`: the user's, when the caller has just read it (a button click), so it is not read twice. */
export async function publishHome(deps: SlackDeps, client: webApi.WebClient, userId: string, options: { botUserId?: string; timeZone?: string } = {}): Promise<void> {
  const { ctx } = deps;
  const trips = await ctx.reminders.listTrips({ traveller: { platform: 'slack', userId } });
  const content = ctx.advisor.content;
  await client.views.publish({
    user_id: userId,
    view: homeView({
      trips,
      now: ctx.clock(),
      timeZone: options.timeZone ?? (await deps.zones.of(userId)),
      botUserId: options.botUserId,
      securityContact: ctx.config.SECURITY_CONTACT,
      countryName: countryNamer(content),
    }),
  });
}
