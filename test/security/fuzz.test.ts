/**
 * The fuzz run (issue 13): a few hundred bad inputs (fuzz-inputs.ts) thrown at every
 * door of the real `node dist/main.js` process — Slack (HTTP mode, signatures on), Teams
 * (Bot Framework authentication on), the travel-desk API and the playground — proves
 * that the process never crashes, that every answer is a 2xx/4xx with a JSON or empty
 * body without stack traces (no 5xx from bad input), that /healthz still answers, and
 * that no invalid input created a trip or reached Slack. Prints a table per door: inputs tried, crashes, 5xx answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlackApiDouble, type SlackApiDouble } from '../doubles/slack-api-double.js';
import { badInputs, type BadInput, type Door } from './fuzz-inputs.js';
import { healthy, send, sendBytes } from './raw-http.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

const TOKEN = 'fuzz-run-token-8e41c0d2b7';
const SIGNING_SECRET = 'fuzz-signing-secret';
const CONCURRENCY = 4;

let slack: SlackApiDouble;
let server: ServerProcess;

beforeAll(async () => {
  slack = await startSlackApiDouble();
  server = await startServerProcess({
    TRAVEL_DESK_API_TOKEN: TOKEN,
    SLACK_BOT_TOKEN: 'xoxb-fuzz', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.apiUrl,
    MICROSOFT_APP_ID: '11111111-2222-3333-4444-555555555555', MICROSOFT_APP_PASSWORD: 'not-a-real-secret', MICROSOFT_APP_TENANT_ID: '99999999-8888-7777-6666-555555555555',
  });
});
afterAll(async () => {
  await server?.stop();
  await slack?.close();
});

interface Outcome {
  input: BadInput;
  status: number | null;
  body: string;
  error?: string;
}

async function attempt(input: BadInput): Promise<Outcome> {
  if (input.bytes !== undefined) {
    const r = await sendBytes(server.port, input.bytes);
    const body = r.text.includes('\r\n\r\n') ? r.text.slice(r.text.indexOf('\r\n\r\n') + 4) : '';
    return { input, status: r.status, body };
  }
  const r = await send(server.port, { ...input, timeoutMs: input.timeoutMs ?? 10_000 });
  return { input, status: r.status, body: r.body, error: r.error };
}

const isJsonOrEmpty = (body: string) => {
  if (body.trim() === '') return true;
  try {
    JSON.parse(body);
    return true;
  } catch {
    return false;
  }
};

describe('fuzz run against every door of the real server', () => {
  it('never crashes, answers bad input with 2xx/4xx and JSON or nothing, and creates no trip', async () => {
    const inputs = badInputs({ token: TOKEN, signingSecret: SIGNING_SECRET, port: () => server.port });
    const outcomes: Outcome[] = [];
    const crashes = new Map<Door, number>();
    for (let i = 0; i < inputs.length; i += CONCURRENCY) {
      const batch = inputs.slice(i, i + CONCURRENCY);
      outcomes.push(...(await Promise.all(batch.map(attempt))));
      if (server.exited() !== null) {
        // The process is gone: charge the crash to this batch's door and stop (nothing more can answer).
        crashes.set(batch[0]!.door, 1);
        break;
      }
    }
    const crashed = server.exited();

    const doors: Door[] = ['server', 'slack', 'teams', 'api', 'playground'];
    const table = doors.map((door) => {
      const mine = outcomes.filter((o) => o.input.door === door);
      const byStatus = new Map<string, number>();
      for (const o of mine) byStatus.set(String(o.status ?? o.error ?? 'none'), (byStatus.get(String(o.status ?? o.error ?? 'none')) ?? 0) + 1);
      return {
        door,
        'bad inputs': mine.length,
        crashes: crashes.get(door) ?? 0,
        '5xx': mine.filter((o) => (o.status ?? 0) >= 500).length,
        'not JSON/empty': mine.filter((o) => o.status !== null && !isJsonOrEmpty(o.body)).length,
        answers: [...byStatus].sort().map(([s, n]) => `${s}×${n}`).join(' '),
      };
    });
    console.table(table);
    if (process.env.FUZZ_VERBOSE) for (const o of outcomes) console.log(o.input.door, o.input.method ?? 'GET', (o.input.bytes ?? o.input.path).slice(0, 70).replace(/\r\n/g, '⏎'), '→', o.status ?? o.error);

    expect(crashed).toBeNull();
    const fiveHundreds = outcomes.filter((o) => (o.status ?? 0) >= 500);
    expect(fiveHundreds.map((o) => `${o.input.door} ${o.input.method ?? 'GET'} ${o.input.path.slice(0, 60)} → ${o.status}`)).toEqual([]);
    // Every input got an answer, except oversize uploads the server cut off with a reset after refusing them.
    const unanswered = outcomes.filter((o) => o.status === null && !(o.input.chunked || (o.input.body?.length ?? 0) > 64 * 1024) && o.input.timeoutMs === undefined);
    expect(unanswered.map((o) => `${o.input.door} ${o.input.path.slice(0, 60)} (${o.error})`)).toEqual([]);
    expect(outcomes.filter((o) => o.status !== null && (o.status < 200 || o.status >= 500))).toEqual([]);
    expect(outcomes.filter((o) => o.status !== null && !isJsonOrEmpty(o.body)).map((o) => `${o.input.door} ${o.input.path.slice(0, 60)} → ${o.status}`)).toEqual([]);
    // Nothing leaks how the server is built: no stack frames, no library error text.
    expect(outcomes.filter((o) => /\n\s+at |node_modules|Error: /.test(o.body)).map((o) => `${o.input.door} ${o.input.path.slice(0, 60)} → ${o.body.slice(0, 80)}`)).toEqual([]);
    expect(outcomes.length).toBeGreaterThanOrEqual(300);

    expect(await healthy(server.port)).toBe(true);
    const trips = await send(server.port, { path: '/api/trips', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(JSON.parse(trips.body)).toEqual({ trips: [] });
    const local = await send(server.port, { path: '/playground/api/reminders', headers: { host: `localhost:${server.port}` } });
    expect((JSON.parse(local.body) as { trips: unknown[] }).trips).toEqual([]);
    expect(slack.callsTo('chat.postMessage')).toEqual([]);
  });
});
