/**
 * Proves `npm start`'s SIGHUP (dist/main.js as deployed): a content directory that no
 * longer passes the checks is refused with file:line on the console and the server goes
 * on serving; once fixed (and with Kazakhstan raised), the next SIGHUP loads it and says
 * what changed for travellers. Needs `npm run build` first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSlackServer, type SlackServerProcess } from '../security/slack-server-process.js';
import { copyContent, raiseKazakhstan, type ContentCopy } from './alerts-harness.js';

let copy: ContentCopy;
let server: SlackServerProcess;
let url: string;

async function outputAfterSignal(re: RegExp, timeoutMs = 30_000): Promise<string> {
  const from = server.output().length;
  server.child.kill('SIGHUP');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const out = server.output().slice(from);
    if (re.test(out)) return out;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no ${re} after SIGHUP:\n${server.output().slice(from)}`);
}

beforeAll(async () => {
  copy = copyContent();
  server = spawnSlackServer({ CONTENT_DIR: copy.dir });
  url = await server.listening();
});
afterAll(async () => {
  await server?.stop();
  copy?.dispose();
});

describe('SIGHUP reloads the content of a running server', () => {
  it('refuses a broken content directory with file:line and keeps serving', async () => {
    const kz = copy.read('countries/kz.md');
    copy.write('countries/kz.md', kz.replace('  interception-law:\n    status: present', '  interception-law:\n    status: perhaps'));
    const out = await outputAfterSignal(/Content not reloaded/);
    expect(out).toContain('Content not reloaded (SIGHUP); the old content keeps serving.');
    expect(out).toMatch(/countries\/kz\.md:\d+: field "indicators\.interception-law\.status"/);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect(server.exited()).toBeNull();
    copy.write('countries/kz.md', kz);
  });

  it('loads fixed content and says what changed for travellers', async () => {
    raiseKazakhstan(copy);
    const out = await outputAfterSignal(/Content reloaded/);
    expect(out).toMatch(/Content reloaded \(SIGHUP\): \d+ assessed countries, 250 destinations; 1 destination\(s\) changed in a way that matters, 0 trip\(s\) to alert\./);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });
});
