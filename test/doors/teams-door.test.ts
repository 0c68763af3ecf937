/**
 * The door contract for Teams: activities posted to the real server's /api/messages with
 * a Bot Framework token from the Microsoft identity double (MICROSOFT_APP_ID set, tokens
 * checked both ways), replies read back from the Bot Connector double. A thread is a
 * Teams conversation. (A bot is never sent its own messages in Teams, so that check is
 * Slack's.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { answerToActivity } from '../../src/channels/teams/render/answer-to-activity.js';
import { TEAMS_LIMITS } from '../../src/channels/teams/render/limits.js';
import { utf16Bytes } from '../../src/channels/teams/render/message-size.js';
import { startMicrosoftIdentityDouble } from '../doubles/microsoft-identity-double.js';
import { startTeamsConnectorDouble, type ConnectorCall } from '../doubles/teams-connector-double.js';
import { doorContract } from './door-contract.js';

const NOW = new Date('2026-11-23T09:00:00Z');
const user = { id: '29:user-contract', name: 'Ada', aadObjectId: 'aad-contract-1' };
const bot = { id: '28:bot-contract', name: 'Travel advisor' };

/** Every TextBlock, FactSet and ShowCard text of a card, and a message's own text. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function visible(call: ConnectorCall): string {
  const out: string[] = [String(call.body?.text ?? '')];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const walk = (el: any) => {
    if (!el || typeof el !== 'object') return;
    if (el.type === 'TextBlock') out.push(el.text);
    if (el.type === 'FactSet') for (const f of el.facts) out.push(`${f.title}: ${f.value}`);
    for (const k of ['body', 'items', 'columns']) if (Array.isArray(el[k])) el[k].forEach(walk);
  };
  for (const a of call.body?.attachments ?? []) walk(a.content);
  return out.join('\n');
}

doorContract('Teams', async () => {
  const identity = await startMicrosoftIdentityDouble();
  const connector = await startTeamsConnectorDouble({ appTokens: identity.checkAppToken });
  connector.setMember(user.id, { email: 'ada@example.com', name: 'Ada', aadObjectId: user.aadObjectId });
  const dataDir = mkdtempSync(join(tmpdir(), 'door-teams-'));
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: dataDir, PLAYGROUND: 'off', ...identity.env, TEAMS_SERVICE_URL_HOSTS: '127.0.0.1' });
  const app = createApp({ config, logger: silentLogger, clock: () => NOW, teams: { loginCa: identity.ca } });
  const url = (await app.start()).url;
  let seq = 0;

  return {
    threads: true,
    async say(text, thread) {
      seq += 1;
      const id = `in-contract-${seq}`;
      const activity = {
        type: 'message', id, channelId: 'msteams', serviceUrl: connector.url, timestamp: NOW.toISOString(), text, locale: 'en-US', from: user, recipient: bot,
        conversation: { id: `a:contract-${thread}`, conversationType: 'personal', tenantId: 'tenant-contract' }, channelData: { tenant: { id: 'tenant-contract' } },
      };
      const before = connector.calls.length;
      const res = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: identity.channelAuthorization(connector.url) },
        body: JSON.stringify(activity),
      });
      if (res.status >= 300) throw new Error(`Teams door answered ${res.status}`);
      return connector.calls.slice(before).filter((c) => c.method === 'POST' && c.body?.type === 'message').map(visible).join('\n');
    },
    limitProblems(answer) {
      const bytes = utf16Bytes(answerToActivity(answer));
      return bytes > TEAMS_LIMITS.recommendedMessageBytes ? [`${bytes} bytes (UTF-16) over ${TEAMS_LIMITS.recommendedMessageBytes}`] : [];
    },
    trips: () => app.context.reminders.listTrips({ traveller: { platform: 'teams', userId: user.aadObjectId } }),
    async close() {
      await app.stop();
      await connector.close();
      await identity.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
});
