/**
 * AI-written answers are marked and can be rated in both channels, and the votes are
 * counted by the CLI, end to end with no Slack, Microsoft or OpenAI: the real server
 * (createApp, PORT 0, SQLite in a temp dir) with summaries from the local Chat
 * Completions double, Slack requests signed as Slack signs them (block_actions from the
 * `feedback_buttons` element) against the Slack API double, Teams activities with real
 * signed tokens (identity double) and replies to the connector double, then the real
 * `travel-advisor feedback report` process reading the same store. Proves a changed vote
 * counts once, and that neither the store nor the report holds a comment, a user id or
 * any answer text.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/config.js';
import { FEEDBACK_NAMESPACES } from '../../src/feedback/create-feedback-store.js';
import { silentLogger } from '../../src/logger.js';
import { startMicrosoftIdentityDouble, type MicrosoftIdentityDouble } from '../doubles/microsoft-identity-double.js';
import { startOpenAiDouble, type OpenAiDouble } from '../doubles/openai-server.js';
import { startSlackApiDouble, type SlackApiDouble } from '../doubles/slack-api-double.js';
import { startTeamsConnectorDouble, type ConnectorCall, type TeamsConnectorDouble } from '../doubles/teams-connector-double.js';
import { fixture, postEvent, postInteraction } from '../slack/slack-requests.js';

const run = promisify(execFile);
const BIN = join(resolve(import.meta.dirname, '../..'), 'bin/travel-advisor.js');
const SECRET = 'feedback-e2e-signing-secret-0123456789';
const NOW = new Date('2026-11-23T10:00:00Z');
const COMMENT = 'my private words about Kyrgyzstan';

let openai: OpenAiDouble;
let slack: SlackApiDouble;
let identity: MicrosoftIdentityDouble;
let connector: TeamsConnectorDouble;
let app: App;
let url: string;
let dataDir: string;

type Block = { type: string; text?: { text: string }; elements?: Array<Record<string, any>> }; // eslint-disable-line @typescript-eslint/no-explicit-any

beforeAll(async () => {
  openai = await startOpenAiDouble('good');
  slack = await startSlackApiDouble();
  identity = await startMicrosoftIdentityDouble();
  connector = await startTeamsConnectorDouble({ appTokens: identity.checkAppToken });
  dataDir = mkdtempSync(join(tmpdir(), 'feedback-e2e-'));
  const config = loadConfig({
    PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: dataDir, PLAYGROUND: 'off',
    SLACK_BOT_TOKEN: 'xoxb-feedback-token', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl,
    OPENAI_API_KEY: 'sk-feedback-double', OPENAI_BASE_URL: openai.url, OPENAI_TIMEOUT_MS: '5000',
    // The identity double signs in as a multi-tenant bot does (tenant botframework.com).
    MICROSOFT_APP_TYPE: 'MultiTenant', ...identity.env, TEAMS_SERVICE_URL_HOSTS: '127.0.0.1',
  });
  app = createApp({ config, logger: silentLogger, clock: () => NOW, teams: { loginCa: identity.ca } });
  url = (await app.start()).url;
});

afterAll(async () => {
  await app?.stop();
  await Promise.all([openai?.close(), slack?.close(), connector?.close(), identity?.close()]);
  rmSync(dataDir, { recursive: true, force: true });
});

/** A signed block_actions payload as Slack sends it when someone presses one side of feedback_buttons. */
async function pressFeedback(user: string, side: { value: string; text: { text: string } }, message: { ts: string }, seq: number): Promise<string> {
  const body = fixture<Record<string, unknown>>('block-actions');
  Object.assign(body, {
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: 'T0001' },
    actions: [{ type: 'feedback_buttons', action_id: 'travel_answer_feedback', block_id: 'travel_answer_feedback', text: { type: 'plain_text', text: side.text.text }, value: side.value, action_ts: `17638905${seq}.000001` }],
    message: { ...(body.message as object), ts: message.ts, thread_ts: '1763890700.000100' },
    container: { type: 'message', message_ts: message.ts, channel_id: 'C0TRAVEL01', is_ephemeral: false, thread_ts: '1763890700.000100' },
    response_url: slack.responseUrl(`feedback-${seq}`),
  });
  const before = slack.calls.length;
  expect((await postInteraction(`${url}/slack/events`, SECRET, body)).status).toBe(200);
  const told = await slack.waitFor('chat.postEphemeral', (c) => c.args.user === user && slack.calls.indexOf(c) >= before);
  return String(told.args.text);
}

function teamsActivity(overrides: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'message', id: `in-${Math.random().toString(36).slice(2)}`, channelId: 'msteams', serviceUrl: connector.url, timestamp: NOW.toISOString(),
    from: { id: '29:fb-user', name: 'Ada', aadObjectId: 'aad-fb-1' }, recipient: { id: '28:bot-fb', name: 'Travel advisor' },
    conversation: { id: 'a:personal-fb', conversationType: 'personal', tenantId: 'tenant-fb' }, channelData: { tenant: { id: 'tenant-fb' } }, locale: 'en-US',
    ...overrides,
  };
}

async function postTeams(body: Record<string, unknown>): Promise<Response> {
  return fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: identity.channelAuthorization(String(body.serviceUrl)) },
    body: JSON.stringify(body),
  });
}

describe('AI-written answers: marked, rated in Slack and Teams, counted by the CLI', () => {
  it('Slack labels the model-written summary and ends the answer with 👍/👎; a changed vote counts once', async () => {
    const body = fixture<{ event: Record<string, unknown>; event_id: string }>('app-mention');
    Object.assign(body.event, { text: '<@UBOT0001> travelling to Kyrgyzstan next week', ts: '1763890700.000100', event_ts: '1763890700.000100' });
    body.event_id = 'Ev0FEEDBACK01';
    expect((await postEvent(`${url}/slack/events`, SECRET, body)).status).toBe(200);
    const post = await slack.waitFor('chat.postMessage', (c) => c.args.thread_ts === '1763890700.000100');
    const blocks = post.args.blocks as Block[];
    expect(blocks.map((b) => b.text?.text ?? '').join('\n')).toContain('*Summary* _(AI-written from the sources below; check them before you rely on it)_');
    const feedback = blocks.find((b) => b.type === 'context_actions')!;
    const buttons = feedback.elements![0]!;
    expect(buttons.type).toBe('feedback_buttons');
    expect(openai.requests.length).toBeGreaterThan(0);
    // A model writes this answer, so the thread shows "thinking" first (only then: test/slack/slack-door.e2e.test.ts).
    const status = slack.callsTo('assistant.threads.setStatus').find((c) => c.args.thread_ts === '1763890700.000100');
    expect(status?.args).toMatchObject({ status: 'is thinking…' });
    expect(status!.atMs).toBeLessThanOrEqual(post.atMs);

    const message = { ts: '1763890701.000100' };
    expect(await pressFeedback('U0VOTER1', buttons.positive_button, message, 1)).toBe('Thanks for the feedback: glad the summary helped.');
    // Slack's feedback buttons toggle: the same person changing their mind is still one vote.
    expect(await pressFeedback('U0VOTER1', buttons.negative_button, message, 2)).toMatch(/^Thanks for the feedback: noted that the summary did not help\./);
    expect(await pressFeedback('U0VOTER2', buttons.positive_button, message, 3)).toBe('Thanks for the feedback: glad the summary helped.');
  });

  it("Teams marks the answer as AI-generated with its feedback loop, and stores a 👍/👎 invoke without the person's comment", async () => {
    const before = connector.calls.length;
    expect((await postTeams(teamsActivity({ text: 'travelling to Kyrgyzstan next week' }))).status).toBe(200);
    const answer = connector.calls.slice(before).find((c: ConnectorCall) => c.body.type === 'message')!;
    expect(answer.body.channelData).toEqual({ feedbackLoopEnabled: true });
    expect(answer.body.entities[0].additionalType).toEqual(['AIGeneratedContent']);

    const vote = (reaction: string, from: Record<string, string>) =>
      postTeams(teamsActivity({
        type: 'invoke', name: 'message/submitAction', replyToId: answer.answeredId, text: undefined, from,
        value: { actionName: 'feedback', actionValue: { reaction, feedback: JSON.stringify({ feedbackText: COMMENT }) } },
      }));
    const liked = await vote('like', { id: '29:fb-user', name: 'Ada', aadObjectId: 'aad-fb-1' });
    expect(liked.status).toBe(200);
    expect((await vote('dislike', { id: '29:fb-other', name: 'Bo', aadObjectId: 'aad-fb-2' })).status).toBe(200);
    // A vote on a message the bot does not remember still counts, under "unknown".
    const stale = await postTeams(teamsActivity({
      type: 'invoke', name: 'message/submitAction', replyToId: 'activity-from-long-ago', text: undefined,
      value: { actionName: 'feedback', actionValue: { reaction: 'dislike', feedback: '' } },
    }));
    expect(stale.status).toBe(200);
  });

  it('`travel-advisor feedback report` counts the votes per rating, platform, destination and summary method', async () => {
    const env = { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
    const json = JSON.parse((await run(process.execPath, [BIN, 'feedback', 'report', '--json'], { env })).stdout);
    expect(json).toMatchObject({
      retentionDays: 90,
      total: 5,
      byRating: { positive: 2, negative: 3 },
      byPlatform: { slack: { positive: 1, negative: 1 }, teams: { positive: 1, negative: 2 } },
      byDestination: { KG: { positive: 2, negative: 2 }, none: { positive: 0, negative: 1 } },
      bySummaryMethod: { llm: { positive: 2, negative: 2 }, unknown: { positive: 0, negative: 1 } },
    });
    const { stdout, stderr } = await run(process.execPath, [BIN, 'feedback', 'report'], { env });
    expect(stderr).toBe('');
    expect(stdout).toContain('Feedback on AI-written answers: 5 votes, kept 90 days');
    expect(stdout).toMatch(/^ {2}KG Kyrgyzstan +2 +2 +4 +50%$/m);
    expect(stdout).toMatch(/^ {2}teams +1 +2 +3 +33%$/m);
  });

  it('`feedback report` with its store down says so in one line and exits 1', async () => {
    const env = { PATH: process.env.PATH ?? '', STORE_URL: 'redis://127.0.0.1:1', STORE_TIMEOUT_MS: '300', LOG_LEVEL: 'silent' };
    const failed = await run(process.execPath, [BIN, 'feedback', 'report'], { env }).then(() => null, (e: { code: number; stdout: string; stderr: string }) => e);
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toBe('');
    expect(failed?.stderr).toBe('error: cannot read feedback: the store (redis) is unavailable; check STORE_URL and that its server is running, then run this again\n');
  });

  it('keeps no comment, user id or answer text in what feedback stores', async () => {
    const stored: unknown[] = [];
    for (const namespace of [...Object.values(FEEDBACK_NAMESPACES), 'teams-ai-answers']) {
      const store = app.context.store(namespace);
      for await (const entry of store.iterator!(undefined)) stored.push(entry);
    }
    const all = JSON.stringify(stored);
    expect(all).toContain('"rating":"negative"');
    const said = [COMMENT, 'U0VOTER1', 'U0VOTER2', 'aad-fb-1', 'aad-fb-2', '29:fb-', 'T0001', 'Kyrgyzstan'];
    for (const secret of said) expect(all).not.toContain(secret);
    // Nor any sentence of a summary the model wrote.
    expect(all).not.toMatch(/[A-Z][a-z]+ [a-z]+ [a-z]+ [a-z]+ [a-z]+/);
  });
});
