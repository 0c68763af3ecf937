/** What every door gets: config, the advisor, storage, reminders, clock and logger. */
import type Keyv from 'keyv';
import type { Logger } from 'pino';
import type { Advisor } from '../advisor/create-advisor.js';
import type { Config } from '../config.js';
import type { ReminderService } from '../reminders/types.js';

export interface AppContext {
  config: Config;
  advisor: Advisor;
  logger: Logger;
  clock: () => Date;
  /** A keyv store in its own namespace, from STORE_URL (SQLite by default). */
  store<T = unknown>(namespace: string): Keyv<T>;
  reminders: ReminderService;
  /** fetch used for outbound calls (Slack API, Teams connector, model endpoint); tests may inject one. */
  fetch: typeof fetch;
}
