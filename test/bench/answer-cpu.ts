/**
 * CPU per answer, as the doors pay it: the advisor's answer to each message of the NLU eval
 * set (varied text: countries, trips, topics, misspellings, chatter), then its Block Kit,
 * Adaptive Card and plain-text renderings. Run:
 *   npx tsx test/bench/answer-cpu.ts [--content <dir>] [--passes 7]
 * `--content` points at another content base (e.g. the 250-country one that
 * test/bench/synthetic-content.ts writes). Prints the median over passes of CPU time
 * (user+system, includes GC) per answer, and retrieval-heavy questions apart. CPU time, not
 * wall time: the machine is shared. No assertions (timings are never asserted in tests).
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../src/config.js';
import { buildAdvisor } from '../../src/app/build-advisor.js';
import { readEvalSet } from '../../src/understand/run-eval.js';
import { answerToBlockKit } from '../../src/channels/slack/render/answer-to-block-kit.js';
import { answerToAdaptiveCard } from '../../src/channels/teams/render/answer-to-adaptive-card.js';
import { answerToText } from '../../src/render/answer-to-text.js';

const { values } = parseArgs({ options: { content: { type: 'string' }, passes: { type: 'string', default: '7' } } });
const config = loadConfig(values.content ? { CONTENT_DIR: resolve(values.content) } : {});
const advisor = buildAdvisor(config);
const set = readEvalSet(resolve(import.meta.dirname, '../nlu/eval-set.yaml'));
const options = { now: new Date(set.now), timeZone: set.timeZone };
const texts = set.cases.map((c) => c.text);

async function pass(messages: string[]): Promise<number> {
  const before = process.cpuUsage();
  for (const text of messages) {
    const answer = await advisor.ask(text, options);
    answerToBlockKit(answer);
    answerToAdaptiveCard(answer);
    answerToText(answer);
  }
  const used = process.cpuUsage(before);
  return (used.user + used.system) / messages.length;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
// Warm-up (JIT, first-use caches); it also picks the messages that retrieve and summarise for a covered country,
// where scoring passages costs most and country filtering counts.
const covered: string[] = [];
for (const text of texts) {
  const answer = await advisor.ask(text, options);
  if (answer.summary && answer.destinations.some((d) => d.covered)) covered.push(text);
}
const passes = Number(values.passes);
const all: number[] = [];
const coveredRuns: number[] = [];
for (let i = 0; i < passes; i++) {
  all.push(await pass(texts));
  coveredRuns.push(await pass(covered));
}
console.log(`content: ${config.CONTENT_DIR} (${advisor.content.countries.size} country files, ${advisor.content.passages.length} passages)`);
console.log(`answer + 3 renderings, ${texts.length} eval-set messages: median ${(median(all) / 1000).toFixed(3)} ms CPU per answer over ${passes} passes`);
console.log(`covered country + subject, ${covered.length} messages: median ${(median(coveredRuns) / 1000).toFixed(3)} ms CPU per answer`);
console.log(`load average: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
