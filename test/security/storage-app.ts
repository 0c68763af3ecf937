/**
 * The real server (createApp on port 0) wired to a store the storage suites break:
 * the travel-desk API on, Slack over HTTP against the Slack API double (a desk user
 * group S0DESK with member U0DESK), Teams in local mode against the connector double.
 * Helpers speak each door's wire format and never wait forever: every HTTP call has a
 * deadline, so a server that hangs fails an assertion instead of the test run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { startSlackApiDouble, type RecordedCall, type SlackApiDouble } from '../doubles/slack-api-double.js';
import { startTeamsConnectorDouble, type ConnectorCall, type TeamsConnectorDouble } from '../doubles/teams-connector-double.js';
import { advisorFor } from '../reminders/reminders-harness.js';
import { fixture, postCommand, postEvent, postInteraction } from '../slack/slack-requests.js';
import '../support/store-backends.js';

export const TOKEN = 'storage-suite-token-0123456789';
const SECRET = 'storage-suite-signing-secret-0123456789';
export const NOW = new Date('2026-11-23T10:00:00Z');
export const TRIP = { traveller: { slackUserId: 'U0KAT' }, destinations: ['Kazakhstan'], start: '2026-12-08', end: '2026-12-12' };

export interface Reply {
  status: number;
  headers: Headers;
  body: Record<string, unknown> | null;
  ms: number;
}

export interface StorageApp {
  app: App;
  slack: SlackApiDouble;
  teams: TeamsConnectorDouble;
  url: string;
  /** An HTTP call to the server; status 0 when it did not answer within `limitMs`. */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>, limitMs?: number): Promise<Reply>;
  /** A direct message to the bot in Slack, as Slack posts it; returns the message ts. */
  slackDm(user: string, text: string): Promise<string>;
  /** Presses "Remind me before I go" under an answer in Slack. */
  slackRemindClick(user: string, value: { d: string[]; s: string; e: string | null }): Promise<void>;
  /** `/travel-desk <text>` from user; resolves with the ephemeral reply's text (or null if none in time). */
  slackDesk(user: string, text: string, limitMs?: number): Promise<string | null>;
  /** Presses "Remind me before I go" on a Teams card; resolves with the bot's text reply (or null). */
  teamsRemindClick(value: { countries: string[]; start: string; end: string | null }, limitMs?: number): Promise<string | null>;
  close(): Promise<void>;
}

let seq = 0;

export async function startStorageApp(env: Record<string, string>): Promise<StorageApp> {
  const slack = await startSlackApiDouble({ usergroups: { S0DESK: ['U0DESK'] } });
  const teams = await startTeamsConnectorDouble();
  const dataDir = mkdtempSync(join(tmpdir(), 'h13r-app-'));
  const config = loadConfig({
    PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', PLAYGROUND: 'off',
    TRAVEL_DESK_API_TOKEN: TOKEN,
    SLACK_BOT_TOKEN: 'xoxb-storage-suite', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl, SLACK_TRAVEL_DESK_USERGROUP: 'S0DESK',
    TEAMS_LOCAL_MODE: 'on',
    ...env,
  });
  const app = createApp({ config, logger: silentLogger, clock: () => NOW, advisor: advisorFor(config) });
  const url = (await app.start()).url;
  const eventsUrl = `${url}/slack/events`;

  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}, limitMs = 20_000): Promise<Reply> {
    const t0 = Date.now();
    try {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(limitMs),
      });
      const text = await res.text();
      return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : null, ms: Date.now() - t0 };
    } catch {
      return { status: 0, headers: new Headers(), body: null, ms: Date.now() - t0 };
    }
  }

  return {
    app, slack, teams, url, call,
    async slackDm(user, text) {
      seq += 1;
      const ts = `17638${String(90000 + seq).padStart(5, '0')}.000100`;
      const body = fixture<{ event: Record<string, unknown>; event_id: string }>('message-im');
      Object.assign(body.event, { text, user, ts, event_ts: ts, client_msg_id: `h13r-${seq}` });
      body.event_id = `Ev0H13R${String(seq).padStart(5, '0')}`;
      const res = await postEvent(eventsUrl, SECRET, body);
      if (res.status !== 200) throw new Error(`Slack event answered ${res.status}`);
      return ts;
    },
    async slackRemindClick(user, value) {
      seq += 1;
      const click = fixture<Record<string, unknown>>('block-actions');
      Object.assign(click, {
        user: { id: user, username: user, name: user, team_id: 'T0001' },
        actions: [{ action_id: 'travel_remind_before_trip', block_id: 'b', text: { type: 'plain_text', text: 'Remind me before I go' }, value: JSON.stringify(value), type: 'button', action_ts: `1763899${seq}.000000` }],
        response_url: slack.responseUrl(`click-${seq}`),
      });
      const res = await postInteraction(eventsUrl, SECRET, click);
      if (res.status !== 200) throw new Error(`Slack interaction answered ${res.status}`);
    },
    async slackDesk(user, text, limitMs = 15_000) {
      seq += 1;
      const id = `desk-${seq}`;
      const body = { ...fixture<Record<string, string>>('slash-command'), command: '/travel-desk', user_id: user, text, response_url: slack.responseUrl(id) };
      const res = await postCommand(eventsUrl, SECRET, body);
      if (res.status !== 200) throw new Error(`Slack command answered ${res.status}`);
      const reply = await slack.waitFor('response_url', (c) => c.responseId === id, limitMs).catch(() => null);
      return reply ? String(reply.args.text) : null;
    },
    async teamsRemindClick(value, limitMs = 15_000) {
      seq += 1;
      const before = teams.calls.length;
      const activity = {
        type: 'message', id: `h13r-in-${seq}`, channelId: 'msteams', serviceUrl: teams.url, timestamp: NOW.toISOString(),
        from: { id: '29:h13r-user', name: 'Ada', aadObjectId: 'aad-h13r' }, recipient: { id: '28:bot', name: 'Travel advisor' },
        conversation: { id: 'a:h13r-personal', conversationType: 'personal', tenantId: 'tenant-h13r' },
        channelData: { tenant: { id: 'tenant-h13r' } }, locale: 'en-US', replyToId: `card-${seq}`,
        value: { ta: 'remind', ...value },
      };
      const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity), signal: AbortSignal.timeout(limitMs) }).catch(() => null);
      if (!res) return null;
      const reply = await teams
        .waitFor((c: ConnectorCall) => teams.calls.indexOf(c) >= before && c.method === 'POST' && typeof c.body?.text === 'string', limitMs)
        .catch(() => null);
      return reply ? String(reply.body.text) : null;
    },
    async close() {
      await app.stop();
      await slack.close();
      await teams.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Texts of Slack messages (posts and ephemerals) the bot sent, newest last. */
export function slackTexts(slack: SlackApiDouble, pred: (c: RecordedCall) => boolean = () => true): string[] {
  return slack.calls.filter((c) => (c.method === 'chat.postMessage' || c.method === 'chat.postEphemeral' || c.method === 'response_url') && pred(c)).map((c) => String(c.args.text ?? ''));
}
