/**
 * The real advisor over the real content base, built once per test worker for each
 * content/intents/model configuration. Building it (content validation, gazetteer,
 * classifier training) costs most of a second of CPU, and with `isolate: false` in
 * vitest.config.ts the files of one worker share this module, so they share the build.
 * Only for advisors built with buildAdvisor's defaults (no clock, logger or accounting):
 * a test that injects those builds its own.
 */
import type { Advisor } from '../../src/advisor/create-advisor.js';
import { buildAdvisor } from '../../src/app/build-advisor.js';
import type { Config } from '../../src/config.js';

const advisors = new Map<string, Advisor>();

/** What buildAdvisor reads from Config; two configs equal here give equal advisors. */
function keyOf(config: Config): string {
  return JSON.stringify([config.CONTENT_DIR, config.INTENTS_DIR, config.CONTENT_STALE_DAYS, config.SECURITY_CONTACT, config.model ?? null]);
}

export function sharedAdvisor(config: Config): Advisor {
  const key = keyOf(config);
  let advisor = advisors.get(key);
  if (!advisor) advisors.set(key, (advisor = buildAdvisor(config)));
  return advisor;
}
