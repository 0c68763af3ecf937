/**
 * What the Teams benchmarks (teams-ack-bench.ts, teams-workers-bench.ts) share: the
 * Microsoft identity double and the Bot Connector double in this process, the real server
 * (`node dist/main.js`, Bot Framework authentication against the identity double, store and
 * queue in Redis) started as `npm start` runs it, the configuration a `travel-advisor worker`
 * needs to send as that server would, and a burst of varied personal messages
 * (test/nlu/eval-set.yaml), each in its own conversation with its signed token.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMicrosoftIdentityDouble } from '../doubles/microsoft-identity-double.js';
import { startTeamsConnectorDouble, type TeamsConnectorDouble } from '../doubles/teams-connector-double.js';
import { Tally, watchLogs } from './bench-hops.js';
import { MENTION_TEXTS, epochMs } from './slack-load.js';

const MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

export interface TeamsBurst {
  acks: number[];
  /** conversation id → when its message was sent (epochMs). */
  sentAt: Map<string, number>;
}

export interface TeamsBench {
  connector: TeamsConnectorDouble;
  /** What the server and every worker share: store, queue, identity, the connector host, the CA. */
  env: Record<string, string>;
  /** Warnings and errors of every server started here (and of workers given to watchLogs), by message: where a lost answer went. */
  problems: Tally;
  /** One server with `extra` over `env`; resolves with its URL and pid once it listens. */
  startServer(extra?: Record<string, string>): Promise<{ url: string; pid: number; child: ChildProcess }>;
  /** Posts `requests` messages, `concurrency` at a time, each in its own conversation, spread over `tenants` tenants. */
  burst(url: string, tag: string, options: { requests: number; concurrency: number; tenants?: number }): Promise<TeamsBurst>;
  close(): Promise<void>;
}

export async function startTeamsBench(options: { redisUrl: string; prefix: string; children: ChildProcess[] }): Promise<TeamsBench> {
  const { redisUrl, prefix, children } = options;
  const identity = await startMicrosoftIdentityDouble();
  const connector = await startTeamsConnectorDouble({ appTokens: identity.checkAppToken });
  const dir = mkdtempSync(join(tmpdir(), 'teams-bench-'));
  writeFileSync(join(dir, 'ca.pem'), identity.ca);
  const env = {
    // warn: the bench counts each process's warnings and errors (bench-hops.ts); none names message text.
    LOG_LEVEL: 'warn', DATA_DIR: dir, STORE_URL: redisUrl, REDIS_URL: redisUrl, ANSWER_QUEUE_PREFIX: prefix,
    NODE_EXTRA_CA_CERTS: join(dir, 'ca.pem'), ...identity.env, TEAMS_SERVICE_URL_HOSTS: '127.0.0.1',
  };
  // The servers go with this process, however it ends.
  process.on('exit', () => children.forEach((c) => c.kill('SIGTERM')));
  const problems = new Tally();

  function startServer(extra: Record<string, string> = {}) {
    const child = spawn(process.execPath, [MAIN], { env: { PATH: process.env.PATH, PORT: '0', PLAYGROUND: 'off', ...env, ...extra }, stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(child);
    watchLogs(child, extra.ANSWER_WORKERS === 'external' ? 'server (queueing)' : 'server (inline)', problems);
    return new Promise<{ url: string; pid: number; child: ChildProcess }>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /health: (\S+)\/healthz/.exec(out);
        if (m) resolve({ url: m[1]!, pid: child.pid!, child });
      });
      child.once('exit', (code) => reject(new Error(`server exited with ${code} (run npm run build first)`)));
    });
  }

  async function burst(url: string, tag: string, o: { requests: number; concurrency: number; tenants?: number }): Promise<TeamsBurst> {
    const acks: number[] = [];
    const sentAt = new Map<string, number>();
    let next = 0;
    const one = async (i: number) => {
      // Unique per run: the shared store claims each message id for 10 minutes (de-duplication).
      const conversation = `a:bench-${prefix}-${tag}-${i}`;
      const tenant = `t-bench-${i % (o.tenants ?? 1)}`;
      const body = {
        type: 'message', id: `in-${i}`, channelId: 'msteams', serviceUrl: connector.url, text: MENTION_TEXTS[i % MENTION_TEXTS.length],
        from: { id: `29:u-${i}`, aadObjectId: `aad-${tag}-${i}` }, recipient: { id: '28:bot' }, locale: 'en-US',
        conversation: { id: conversation, conversationType: 'personal', tenantId: tenant }, channelData: { tenant: { id: tenant } },
      };
      sentAt.set(conversation, epochMs());
      const t0 = performance.now();
      const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: identity.channelAuthorization(connector.url) }, body: JSON.stringify(body) });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
      acks.push(performance.now() - t0);
    };
    await Promise.all(Array.from({ length: o.concurrency }, async () => {
      while (next < o.requests) await one(next++);
    }));
    return { acks, sentAt };
  }

  return {
    connector, env, problems, startServer, burst,
    async close() {
      await connector.close();
      await identity.close();
    },
  };
}
