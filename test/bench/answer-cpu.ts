/**
 * CPU per answer, as the doors pay it: the advisor's answer to each message of the NLU eval
 * set (varied text: countries, trips, topics, misspellings, chatter), then its Block Kit,
 * Adaptive Card and plain-text renderings. Run:
 *   npx tsx test/bench/answer-cpu.ts [--content <dir>] [--paired <dir>] [--passes 7]
 * `--content` points at another content base (e.g. the 250-country one that
 * test/bench/synthetic-content.ts writes); `--paired` times a second base in the same
 * process, passes alternating with the first, on the same messages, and prints the ratio
 * per pass (its median). Prints the median over passes of CPU time
 * (user+system, includes GC) per answer, and retrieval-heavy questions apart. CPU time, not
 * wall time: the machine is shared. No assertions (timings are never asserted in tests).
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../src/config.js';
import { buildAdvisor } from '../../src/app/build-advisor.js';
import type { Advisor } from '../../src/advisor/create-advisor.js';
import { readEvalSet } from '../../src/understand/run-eval.js';
import { answerToBlockKit } from '../../src/channels/slack/render/answer-to-block-kit.js';
import { answerToAdaptiveCard } from '../../src/channels/teams/render/answer-to-adaptive-card.js';
import { answerToText } from '../../src/render/answer-to-text.js';

const { values } = parseArgs({ options: { content: { type: 'string' }, paired: { type: 'string' }, passes: { type: 'string', default: '7' } } });
const set = readEvalSet(resolve(import.meta.dirname, '../nlu/eval-set.yaml'));
const options = { now: new Date(set.now), timeZone: set.timeZone };
const texts = set.cases.map((c) => c.text);

function advisorFor(dir: string | undefined): { label: string; advisor: Advisor } {
  const config = loadConfig(dir ? { CONTENT_DIR: resolve(dir) } : {});
  const advisor = buildAdvisor(config);
  return { label: `${config.CONTENT_DIR} (${advisor.content.countries.size} country files, ${advisor.content.passages.length} passages)`, advisor };
}

async function pass(advisor: Advisor, messages: string[]): Promise<number> {
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
const ms = (us: number) => `${(us / 1000).toFixed(3)} ms`;
const bases = [advisorFor(values.content), ...(values.paired ? [advisorFor(values.paired)] : [])];
// Warm-up (JIT, first-use caches); it also picks the messages that retrieve and summarise for a covered country,
// where scoring passages costs most and country filtering counts: the first base's, so a paired run times the same messages.
const covered: string[] = [];
for (const { advisor } of bases)
  for (const text of texts) {
    const answer = await advisor.ask(text, options);
    if (advisor === bases[0]!.advisor && answer.summary && answer.destinations.some((d) => d.covered)) covered.push(text);
  }
const passes = Number(values.passes);
const runs = bases.map(() => ({ all: [] as number[], covered: [] as number[] }));
// Passes alternate between the bases, so both see the same load.
for (let i = 0; i < passes; i++)
  for (const [b, { advisor }] of bases.entries()) {
    runs[b]!.all.push(await pass(advisor, texts));
    runs[b]!.covered.push(await pass(advisor, covered));
  }
for (const [b, { label }] of bases.entries()) {
  console.log(`content: ${label}`);
  console.log(`  answer + 3 renderings, ${texts.length} eval-set messages: median ${ms(median(runs[b]!.all))} CPU per answer over ${passes} passes`);
  console.log(`  covered country + subject, ${covered.length} messages: median ${ms(median(runs[b]!.covered))} CPU per answer`);
}
if (bases.length === 2) {
  const ratio = (kind: 'all' | 'covered') => median(runs[1]![kind].map((x, i) => x / runs[0]![kind][i]!)).toFixed(2);
  console.log(`second ÷ first, median of per-pass ratios: all ${ratio('all')}×, covered ${ratio('covered')}×`);
}
console.log(`load average: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
