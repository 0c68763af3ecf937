/**
 * Two replicas of the server sharing one Redis store (STORE_URL) receive the same Teams
 * message, as happens when the Bot Connector redelivers a slow turn through a load
 * balancer: exactly one of them answers (the atomic claim Slack's event ids use,
 * src/store/claim-once.ts). Both run the real app, authenticated by the Microsoft identity
 * double, against one Bot Connector double. Ids are unique per run: other engineers' tests
 * share this Redis.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { startMicrosoftIdentityDouble, type MicrosoftIdentityDouble } from '../doubles/microsoft-identity-double.js';
import { startTeamsConnectorDouble, type TeamsConnectorDouble } from '../doubles/teams-connector-double.js';
import '../support/store-backends.js';

const NOW = new Date('2026-11-23T09:00:00Z');
const run = randomUUID().slice(0, 8);
const user = { id: `29:user-${run}`, name: 'Ada', aadObjectId: `aad-${run}` };
const bot = { id: '28:bot-replicas', name: 'Travel advisor' };
let identity: MicrosoftIdentityDouble;
let connector: TeamsConnectorDouble;
let dataDir: string;
const replicas: Array<{ app: App; url: string }> = [];

function message(id: string, conversation: string, text: string): Record<string, unknown> {
  return {
    type: 'message',
    id,
    channelId: 'msteams',
    serviceUrl: connector.url,
    timestamp: NOW.toISOString(),
    from: user,
    recipient: bot,
    conversation: { id: conversation, conversationType: 'personal', tenantId: 'tenant-replicas' },
    channelData: { tenant: { id: 'tenant-replicas' } },
    locale: 'en-US',
    text,
  };
}

/** Posts as the Bot Connector does; the turn has run (and replied) when the response comes. */
async function post(url: string, body: Record<string, unknown>): Promise<number> {
  const authorization = identity.channelAuthorization(String(body.serviceUrl));
  const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify(body) });
  return res.status;
}

/** The answers (messages with a card) sent into `conversation`. */
const cardsIn = (conversation: string) => connector.calls.filter((c) => c.conversationId === conversation && c.body?.type === 'message' && c.body?.attachments?.length);

beforeAll(async () => {
  identity = await startMicrosoftIdentityDouble();
  connector = await startTeamsConnectorDouble({ appTokens: identity.checkAppToken });
  connector.setMember(user.id, { email: 'ada@example.com', name: 'Ada', aadObjectId: user.aadObjectId });
  dataDir = mkdtempSync(join(tmpdir(), 'teams-replicas-'));
  for (let i = 0; i < 2; i++) {
    const config = loadConfig({
      PORT: '0',
      LOG_LEVEL: 'silent',
      DATA_DIR: dataDir,
      STORE_URL: 'redis://127.0.0.1:6379',
      PLAYGROUND: 'off',
      ...identity.env,
      TEAMS_SERVICE_URL_HOSTS: '127.0.0.1',
    });
    const app = createApp({ config, logger: silentLogger, clock: () => NOW, teams: { loginCa: identity.ca } });
    replicas.push({ app, url: (await app.start()).url });
  }
});

afterAll(async () => {
  for (const r of replicas) await r.app.stop();
  await connector?.close();
  await identity?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('Teams door on two replicas sharing Redis', () => {
  it('answers a message delivered to both replicas at once exactly once', async () => {
    // Several messages, each delivered twice to each replica at the same moment: a
    // read-then-write check lets some copies through; the atomic claim lets none.
    const conversations = Array.from({ length: 6 }, (_, i) => `a:replicas-${run}-${i}`);
    const posts = conversations.flatMap((conversation, i) => {
      const body = message(`in-${run}-dup-${i}`, conversation, 'travelling to Kyrgyzstan next week');
      return [...replicas, ...replicas].map((r) => post(r.url, body));
    });
    expect(new Set(await Promise.all(posts))).toEqual(new Set([200]));
    expect(conversations.map((c) => cardsIn(c).length)).toEqual(conversations.map(() => 1));
  });

  it('answers the same message again on one replica once, and a new message on each replica', async () => {
    const conversation = `a:replicas-again-${run}`;
    const body = message(`in-${run}-again`, conversation, 'is WhatsApp OK in Uzbekistan?');
    expect(await post(replicas[0]!.url, body)).toBe(200);
    expect(await post(replicas[1]!.url, body)).toBe(200);
    expect(await post(replicas[0]!.url, body)).toBe(200);
    expect(cardsIn(conversation)).toHaveLength(1);
    // The same activity id in another conversation is another message.
    for (const [i, r] of replicas.entries()) expect(await post(r.url, message(`in-${run}-again`, `${conversation}-${i}`, 'is WhatsApp OK in Uzbekistan?'))).toBe(200);
    expect(cardsIn(`${conversation}-0`)).toHaveLength(1);
    expect(cardsIn(`${conversation}-1`)).toHaveLength(1);
  });
});
