/**
 * `npm run eval:nlu [-- file.yaml …]`: runs the evaluation sets against the real
 * understander (built from INTENTS_DIR) and prints accuracy per category, one table
 * per set, then every miss. By default the set tuned against (test/nlu/eval-set.yaml)
 * and the batch written before tuning (test/nlu/eval-untuned.yaml) are reported
 * apart, so the batch's figures are never hidden in the total. Exits 1 when a set is
 * below 97% exact destination lists or 95% dates, the bar the test holds.
 *
 * It sits with the composition root because a case written in a door's syntax (door:
 * slack | teams) goes through that door's normaliser first, as the app runs it, and only
 * the root may import both the understander and the doors.
 */
import { resolve } from 'node:path';
import { normaliseSlackText } from '../channels/slack/normalise-slack-text.js';
import { normaliseTeamsText } from '../channels/teams/normalise-teams-text.js';
import { loadConfig, PACKAGE_ROOT } from '../config.js';
import { loadUnderstander } from '../understand/create-understander.js';
import { DEFAULT_EVAL_SETS, evaluateSets, type DoorNormalisers } from '../understand/run-eval.js';

/** Each door's normaliser, for the cases written in its syntax. */
export const DOOR_NORMALISERS: DoorNormalisers = { slack: normaliseSlackText, teams: normaliseTeamsText };

function main(): number {
  const config = loadConfig();
  const args = process.argv.slice(2);
  const paths = (args.length ? args : DEFAULT_EVAL_SETS).map((p) => resolve(PACKAGE_ROOT, p));
  const started = performance.now();
  const understander = loadUnderstander(config.INTENTS_DIR);
  const startup = performance.now() - started;
  const result = evaluateSets(paths, understander, DOOR_NORMALISERS);
  const cases = result.reports.reduce((n, r) => n + r.set.cases.length, 0);
  console.log(result.tables);
  console.log(`\nstart-up ${startup.toFixed(0)} ms; ${(result.elapsed / cases).toFixed(3)} ms per message (one cold pass; see npm run bench for the steady figure)`);
  for (const m of result.misses) console.log(m);
  return result.ok ? 0 : 1;
}

process.exitCode = main();
