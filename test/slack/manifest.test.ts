/**
 * manifests/slack/manifest.yaml is valid YAML, has every field Slack requires (zod
 * schema of the documented manifest), and asks for exactly the scopes the code needs:
 * every Web API method the Slack door calls (found in its source, plus the ones Bolt
 * calls for us) and every event it listens to is covered, and no scope goes unused.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SUGGESTED_PROMPTS } from '../../src/channels/slack/listeners/register-home-listener.js';
import { TURN_EVENTS } from '../../src/channels/slack/listeners/register-conversation-listeners.js';
import { TRAVEL_COMMAND } from '../../src/channels/slack/listeners/register-travel-command.js';
import { EVENT_SCOPES, METHOD_SCOPES, slackManifestSchema } from './slack-manifest-schema.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const manifest = slackManifestSchema.parse(parse(readFileSync(join(root, 'manifests/slack/manifest.yaml'), 'utf8')));
const scopes = new Set(manifest.oauth_config?.scopes?.bot ?? []);

function sources(dir: string): Array<{ file: string; text: string }> {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => join(e.parentPath, e.name))
    .map((file) => ({ file: relative(root, file), text: readFileSync(file, 'utf8') }));
}

const slackSource = sources(join(root, 'src/channels/slack'));

/** Web API methods called as `client.<family>.<method>(` anywhere in the Slack door. */
function calledMethods(): string[] {
  const found = new Set<string>(['auth.test']); // start-up verifies the token (check-slack-connection.ts)
  for (const { text } of slackSource) {
    for (const m of text.matchAll(/\b(?:client|deliveryClient)\.((?:[a-z]+\.)+[a-zA-Z]+)\(/g)) found.add(m[1]!);
    // Bolt's setStatus() listener argument calls assistant.threads.setStatus.
    if (/\bsetStatus\b/.test(text)) found.add('assistant.threads.setStatus');
  }
  return [...found].sort();
}

/** Events subscribed with app.event(), and those the conversation step answers (TURN_EVENTS); our message handling is for DMs only (message.im). */
function listenedEvents(): string[] {
  const found = new Set<string>(Object.values(TURN_EVENTS).map((e) => (e === 'message' ? 'message.im' : e)));
  for (const { text } of slackSource)
    for (const m of text.matchAll(/app\.event\('([a-z_]+)'/g)) found.add(m[1] === 'message' ? 'message.im' : m[1]!);
  return [...found].sort();
}

describe('Slack app manifest', () => {
  it('is valid against the documented manifest fields', () => {
    expect(manifest.display_information.name).toBe('Travel Advisor');
    expect(manifest.features?.bot_user?.display_name).toBeTruthy();
    expect(manifest.features?.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
    expect(manifest.settings?.interactivity?.is_enabled).toBe(true);
  });

  it('rejects a manifest missing what Slack requires', () => {
    const broken = structuredClone(manifest) as Record<string, any>;
    delete broken.display_information.name;
    delete broken.settings.event_subscriptions.request_url;
    broken.features.slash_commands[0].comand = '/typo';
    const result = slackManifestSchema.safeParse(broken);
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['display_information.name', 'features.slash_commands.0']));
    const socket = structuredClone(manifest) as Record<string, any>;
    delete socket.settings.event_subscriptions.request_url;
    delete socket.settings.interactivity.request_url;
    delete socket.features.slash_commands[0].url;
    expect(slackManifestSchema.safeParse(socket).success).toBe(false);
    socket.settings.socket_mode_enabled = true;
    expect(slackManifestSchema.safeParse(socket).success).toBe(true);
  });

  it('has a scope for every Web API method the Slack door calls', () => {
    const methods = calledMethods();
    expect(methods).toEqual(expect.arrayContaining(['chat.postMessage', 'chat.postEphemeral', 'views.publish', 'users.lookupByEmail']));
    for (const method of methods) {
      expect(METHOD_SCOPES, `add ${method} to METHOD_SCOPES with its documented scope`).toHaveProperty([method]);
      for (const s of METHOD_SCOPES[method]!) expect(scopes, `${method} needs ${s}`).toContain(s);
    }
  });

  it('subscribes to every event the door listens to, with its scope', () => {
    const events = listenedEvents();
    expect(events).toEqual(['app_home_opened', 'app_mention', 'message.im']);
    expect(new Set(manifest.settings?.event_subscriptions?.bot_events)).toEqual(new Set(events));
    for (const e of events) for (const s of EVENT_SCOPES[e]!) expect(scopes, `${e} needs ${s}`).toContain(s);
  });

  it('asks for no scope the code does not use', () => {
    const used = new Set([
      ...calledMethods().flatMap((m) => METHOD_SCOPES[m] ?? []),
      ...listenedEvents().flatMap((e) => EVENT_SCOPES[e] ?? []),
      ...(manifest.features?.slash_commands?.length ? ['commands'] : []),
    ]);
    expect([...scopes].filter((s) => !used.has(s))).toEqual([]);
  });

  it('declares the /travel command, the agent view and the same suggested prompts the code sets', () => {
    expect(manifest.features?.slash_commands?.map((c) => c.command)).toContain(TRAVEL_COMMAND);
    expect(manifest.features?.agent_view?.suggested_prompts).toEqual(SUGGESTED_PROMPTS);
    for (const c of manifest.features?.slash_commands ?? []) expect(c.url).toMatch(/\/slack\/events$/);
    expect(manifest.settings?.event_subscriptions?.request_url).toMatch(/\/slack\/events$/);
    expect(manifest.settings?.interactivity?.request_url).toMatch(/\/slack\/events$/);
  });
});
