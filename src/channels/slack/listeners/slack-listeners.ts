/**
 * Every listener module the Slack door registers, in order. To add a feature (for
 * example `/travel-desk`), write `register-<feature>.ts` exporting a SlackListener and
 * add it to this list.
 */
import { registerAnswerActions } from './register-answer-actions.js';
import { registerDetailsActions } from './register-details-actions.js';
import { registerFeedbackAction } from './register-feedback-action.js';
import { registerConversationListeners } from './register-conversation-listeners.js';
import { registerHomeListener } from './register-home-listener.js';
import { registerTravelCommand } from './register-travel-command.js';
import { registerTravelDeskCommand } from './register-travel-desk-command.js';
import type { SlackListener } from './slack-listener.js';

export const slackListeners: SlackListener[] = [
  registerConversationListeners,
  registerTravelCommand,
  registerAnswerActions,
  registerDetailsActions,
  registerFeedbackAction,
  registerHomeListener,
  registerTravelDeskCommand,
];
