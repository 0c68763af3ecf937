/**
 * `app_home_opened`: on the Messages tab (the agent view) set suggested prompts; on
 * the Home tab publish how-to plus the user's upcoming trips and reminders.
 */
import { SLACK_LIMITS } from '../limits.js';
import { homeView } from '../render/home-view.js';
import { countryNameOf } from '../../../app/build-advisor.js';
import type { SlackListener } from './slack-listener.js';

/** MUST stay in sync with `features.agent_view.suggested_prompts` in manifests/slack/manifest.yaml. */
export const SUGGESTED_PROMPTS = [
  { title: 'Trip next week', message: 'Travelling to Kyrgyzstan next week' },
  { title: 'Compare destinations', message: 'Going to Kazakhstan and Kyrgyzstan in March' },
  { title: 'What is SORM?', message: 'What is SORM?' },
  { title: 'How to use this', message: 'help' },
].slice(0, SLACK_LIMITS.suggestedPrompts);

export const registerHomeListener: SlackListener = (app, deps) => {
  app.event('app_home_opened', async ({ event, client, context }) => {
    if (event.tab === 'messages') {
      await client.assistant.threads.setSuggestedPrompts({
        channel_id: event.channel,
        title: 'Where are you travelling?',
        prompts: SUGGESTED_PROMPTS,
      });
      return;
    }
    const trips = await deps.ctx.reminders.listTrips({ traveller: { platform: 'slack', userId: event.user } });
    const content = deps.ctx.advisor.content;
    await client.views.publish({
      user_id: event.user,
      view: homeView({
        trips,
        now: deps.ctx.clock(),
        botUserId: context.botUserId,
        securityContact: deps.ctx.config.SECURITY_CONTACT,
        countryName: (code) => content.countries.get(code)?.name ?? countryNameOf(code),
      }),
    });
  });
};
