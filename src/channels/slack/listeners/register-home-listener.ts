/**
 * `app_home_opened`: on the Messages tab (the agent view) set suggested prompts; on
 * the Home tab publish how-to plus the user's upcoming trips and reminders.
 */
import { SLACK_LIMITS } from '../limits.js';
import { publishHome } from './publish-home.js';
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
    await publishHome(deps, client, event.user, { botUserId: context.botUserId });
  });
};
