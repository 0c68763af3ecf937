/**
 * Publishes a user's App Home tab: how-to plus their upcoming trips and reminders.
 * Called when the Home tab opens and after the user plans a trip, so it is current;
 * times in the user's own zone.
 */
import type { webApi } from '@slack/bolt';
import { countryNameOf } from '../../../app/build-advisor.js';
import { homeView } from '../render/home-view.js';
import type { SlackDeps } from './slack-listener.js';

export async function publishHome(deps: SlackDeps, client: webApi.WebClient, userId: string, botUserId?: string): Promise<void> {
  const { ctx } = deps;
  const trips = await ctx.reminders.listTrips({ traveller: { platform: 'slack', userId } });
  const content = ctx.advisor.content;
  await client.views.publish({
    user_id: userId,
    view: homeView({
      trips,
      now: ctx.clock(),
      timeZone: await deps.zones.of(userId),
      botUserId,
      securityContact: ctx.config.SECURITY_CONTACT,
      countryName: (code) => content.countries.get(code)?.name ?? countryNameOf(code),
    }),
  });
}
