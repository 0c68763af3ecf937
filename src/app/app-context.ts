/** What every door gets: config, the advisor, storage, reminders, clock and logger. */
import type Keyv from 'keyv';
import type { Logger } from 'pino';
import type { Advisor } from '../advisor/create-advisor.js';
import type { Config } from '../config.js';
import type { ReminderService } from '../reminders/types.js';
import type { AlertService } from '../alerts/create-alert-service.js';
import type { ReloadResult } from './reload-content.js';
import type { InsightsService } from '../insights/create-insights-service.js';
import type { Conversation } from '../conversation/create-conversation.js';

export interface AppContext {
  config: Config;
  advisor: Advisor;
  logger: Logger;
  clock: () => Date;
  /** A keyv store in its own namespace, from STORE_URL (SQLite by default). */
  store<T = unknown>(namespace: string): Keyv<T>;
  reminders: ReminderService;
  /** Risk-change alerts (createApp sets it): the desk lists who was told. */
  alerts?: AlertService;
  /** Security-team insights (createApp sets it): the desk's report, the API's JSON, where doors post the weekly one. */
  insights?: InsightsService;
  /** Loads content/ and intents/ again and swaps them in for every door (createApp sets it); throws ContentError and keeps the old content on bad files. */
  reloadContent?: () => Promise<ReloadResult>;
  /** The one conversation service every door hands its turns to (src/conversation/; built by src/app/build-conversation.ts). */
  conversation: Conversation;
  /** fetch used for outbound calls (Slack API, Teams connector, model endpoint); tests may inject one. */
  fetch: typeof fetch;
}
