/**
 * `npm run eval:retrieval [-- path/to/eval-set.yaml] [--verbose] [--llm]`: prints recall@5,
 * hit@5 and MRR of the passage index on the evaluation set, the misses, and any
 * unanswerable question that retrieved passages. Exits 1 when the set names passage ids
 * the content no longer has, so a renamed heading is noticed. With --llm (and
 * OPENAI_API_KEY, optionally OPENAI_BASE_URL/OPENAI_MODEL), also sends every question to
 * the model and reports the share of its sentences that survive the output check.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { PACKAGE_ROOT, loadConfig } from '../config.js';
import { loadContent } from '../content/load-content.js';
import { createPassageIndex } from '../content/passage-index.js';
import { evalSetSchema, evaluateRetrieval } from './eval-retrieval.js';
import { evaluateLlmSummaries } from './eval-llm.js';
import { createLogger } from '../logger.js';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const withLlm = args.includes('--llm');
const file = args.find((a) => !a.startsWith('--')) ?? resolve(PACKAGE_ROOT, 'test/retrieval/eval-set.yaml');
const config = loadConfig();
const content = loadContent(config.CONTENT_DIR, { staleAfterDays: config.CONTENT_STALE_DAYS });
const set = evalSetSchema.parse(parse(readFileSync(file, 'utf8')));
const retriever = createPassageIndex(content);
const report = evaluateRetrieval(content, retriever, set);

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const out: string[] = [
  `questions: ${report.questions}, passages: ${content.passages.length}`,
  `recall@${report.k}: ${pct(report.recallAtK)}`,
  `hit@${report.k}: ${pct(report.hitAtK)}`,
  `MRR: ${report.mrr.toFixed(3)}`,
  `unanswerable questions retrieving nothing: ${set.unanswerable.length - report.grounded.length}/${set.unanswerable.length}`,
];
for (const r of report.results) {
  if (r.recall < 1 || verbose) out.push(`${r.recall < 1 ? 'MISS' : 'ok  '} ${r.q}\n     missed: ${r.missed.join(', ') || '-'}\n     got:    ${r.retrieved.join(', ')}`);
}
for (const g of report.grounded) out.push(`GROUNDED? ${g.q}: ${g.retrieved.join(', ')}`);
if (report.unknownIds.length) out.push(`unknown passage ids in the eval set: ${report.unknownIds.join(', ')}`);
if (withLlm && !config.OPENAI_API_KEY) out.push('llm: skipped; set OPENAI_API_KEY (and OPENAI_BASE_URL for a compatible server)');
if (withLlm && config.OPENAI_API_KEY) {
  const llm = await evaluateLlmSummaries(content, retriever, set, {
    apiKey: config.OPENAI_API_KEY,
    baseURL: config.OPENAI_BASE_URL,
    model: config.OPENAI_MODEL,
    timeoutMs: config.OPENAI_TIMEOUT_MS,
    logger: createLogger('silent'),
  });
  out.push(
    `llm (${config.OPENAI_MODEL}): ${llm.calls} calls, ${llm.answeredWithLlm} answered by the model`,
    `llm sentences kept: ${llm.kept}/${llm.proposed} (${pct(llm.keptShare)})`,
    `llm drop reasons: ${JSON.stringify(llm.dropReasons)}`,
    `llm fallbacks: ${JSON.stringify(llm.fallbackReasons)}`,
  );
}
process.stdout.write(`${out.join('\n')}\n`);
process.exitCode = report.unknownIds.length ? 1 : 0;
