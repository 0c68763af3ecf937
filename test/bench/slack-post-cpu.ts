/**
 * CPU of one answer's post, alone: the Kyrgyzstan answer's Block Kit (the first message of
 * a mention) sent by chat.postMessage through the Web API client (form-encoded, as Bolt's
 * client did) and through our JSON poster (create-slack-poster.ts), both on the door's
 * keep-alive pool and logger, to the Slack API double in its own process, so this process's
 * CPU is the sender's alone. Also Slack's request signature checked as before (Bolt's
 * `verifySlackRequest`, twice per request: our guard, then Bolt's receiver) and now (once,
 * one HMAC). Rounds alternate between the two ways; medians of CPU µs per call. Run:
 *   npx tsx test/bench/slack-post-cpu.ts [--posts 2000] [--rounds 5]
 */
import { createHmac } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { verifySlackRequest, webApi } from '@slack/bolt';
import { toBoltLogger } from '../../src/channels/slack/bolt-logger.js';
import { createSlackFetch } from '../../src/channels/slack/create-slack-fetch.js';
import { createSlackPoster } from '../../src/channels/slack/create-slack-poster.js';
import { answerToBlockKit } from '../../src/channels/slack/render/answer-to-block-kit.js';
import { silentLogger } from '../../src/logger.js';
import { answerFixture } from '../fixtures/answers/answer-fixtures.js';
import { slackSignature } from '../slack/slack-requests.js';
import { eventBody, startServer, SECRET } from './slack-load.js';

const { values } = parseArgs({ options: { posts: { type: 'string', default: '2000' }, rounds: { type: 'string', default: '5' } } });
const POSTS = Number(values.posts);
const ROUNDS = Number(values.rounds);
const IN_FLIGHT = 4; // the door's work queue answers four at a time

const cpuUs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return used.user + used.system;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed(post: () => Promise<unknown>): Promise<number> {
  const before = process.cpuUsage();
  let left = POSTS;
  await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
    while (left-- > 0) await post();
  }));
  return cpuUs(before) / POSTS;
}

function timedSync(check: () => void, n = POSTS * 5): number {
  const before = process.cpuUsage();
  for (let i = 0; i < n; i++) check();
  return cpuUs(before) / n;
}

const double = await startServer('double');
const slackFetch = createSlackFetch();
try {
  const apiUrl = double.url;
  const message = answerToBlockKit(answerFixture('kyrgyzstan-next-week'));
  const args = { channel: 'C0BENCH', thread_ts: '1700000000.000100', unfurl_links: false, unfurl_media: false, ...message };
  const client = new webApi.WebClient('xoxb-bench', { slackApiUrl: apiUrl, fetch: slackFetch, logger: toBoltLogger(silentLogger), retryConfig: webApi.retryPolicies.fiveRetriesInFiveMinutes });
  const poster = createSlackPoster({ token: 'xoxb-bench', apiUrl, fetch: slackFetch, logger: silentLogger, retryConfig: webApi.retryPolicies.fiveRetriesInFiveMinutes });

  const { body } = eventBody('mention');
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = slackSignature(SECRET, timestamp, body);
  const raw = Buffer.from(body);
  const boltCheck = () => verifySlackRequest({ signingSecret: SECRET, body, headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp } });
  const oneHmac = () => {
    const expected = Buffer.from(`v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:`).update(raw).digest('hex')}`);
    if (!expected.equals(Buffer.from(signature))) throw new Error('signature');
  };

  console.log(`slack-post-cpu: node ${process.version}, load ${loadavg()[0]!.toFixed(2)}; ${POSTS} posts × ${ROUNDS} rounds, ${IN_FLIGHT} in flight, body ${JSON.stringify(args).length} characters as JSON`);
  await timed(() => client.chat.postMessage(args));
  await timed(() => poster.postMessage(args));
  const res = { client: [] as number[], poster: [] as number[], twice: [] as number[], once: [] as number[] };
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 ? (['poster', 'client'] as const) : (['client', 'poster'] as const);
    for (const k of order) res[k].push(await timed(k === 'client' ? () => client.chat.postMessage(args) : () => poster.postMessage(args)));
    res.twice.push(timedSync(() => (boltCheck(), boltCheck())));
    res.once.push(timedSync(oneHmac));
  }
  const [c, p, t, o] = [median(res.client), median(res.poster), median(res.twice), median(res.once)];
  console.log(`chat.postMessage via Web API client (form): ${res.client.map((x) => x.toFixed(0)).join(',')} µs CPU, median ${c.toFixed(0)}`);
  console.log(`chat.postMessage via JSON poster:          ${res.poster.map((x) => x.toFixed(0)).join(',')} µs CPU, median ${p.toFixed(0)} (${(p / c).toFixed(2)}×)`);
  console.log(`signature: Bolt's check twice ${t.toFixed(1)} µs, one HMAC ${o.toFixed(1)} µs (${(o / t).toFixed(2)}×); load ${loadavg()[0]!.toFixed(2)}`);
} finally {
  await slackFetch.close();
  double.child.kill();
}
