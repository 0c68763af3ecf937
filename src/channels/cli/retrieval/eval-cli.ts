/**
 * `npm run eval:retrieval [-- path/to/eval-set.yaml] [--verbose] [--llm]`: prints recall@5,
 * hit@5 and MRR of the passage index on the evaluation set, the misses, any unanswerable
 * or out-of-scope question that retrieved passages, subject questions whose "nothing on"
 * destinations differ from the set's, and how many sentences of the offline summaries stay
 * on the asked destinations and subject. Exits 1 when the set names passage ids
 * the content no longer has, so a renamed heading is noticed. With --llm (and a model
 * configured: OPENAI_API_KEY or OPENAI_BASE_URL, docs/llm.md), also sends every question to
 * the model and reports the share of its sentences that survive the output check.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { PACKAGE_ROOT, loadConfig } from '../../../config.js';
import { loadContent } from '../../../content/load-content.js';
import { createPassageIndex } from '../../../retrieval/passage-index.js';
import { evalSetSchema, evaluateRetrieval, questionRetrieverFor } from '../../../retrieval/eval-retrieval.js';
import { evaluateLlmSummaries } from './eval-llm.js';
import { describeModelEndpoint } from '../../../llm/model-endpoint.js';
import { evaluateSummaries } from './eval-summaries.js';
import { gazetteerPlaceFinder } from '../../../retrieval/place-finder.js';
import { domainWords } from '../../../retrieval/domain-words.js';
import { createExtractiveSummarizer } from '../../../advisor/extractive-summarizer.js';
import { loadUnderstander } from '../../../understand/create-understander.js';
import { createLogger } from '../../../logger.js';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const withLlm = args.includes('--llm');
const file = args.find((a) => !a.startsWith('--')) ?? resolve(PACKAGE_ROOT, 'test/retrieval/eval-set.yaml');
const config = loadConfig();
const content = loadContent(config.CONTENT_DIR, { staleAfterDays: config.CONTENT_STALE_DAYS });
const set = evalSetSchema.parse(parse(readFileSync(file, 'utf8')));
// The same place finder and word list as the advisor's (build-advisor.ts): the understander's gazetteer.
const { gazetteer } = loadUnderstander(config.INTENTS_DIR);
const findPlaces = gazetteerPlaceFinder(gazetteer);
const retriever = createPassageIndex(content, { isDomainWord: domainWords(gazetteer.englishWords) });
const report = evaluateRetrieval(content, retriever, set, 5, findPlaces);
const focused = questionRetrieverFor(content, retriever, findPlaces);
const summaries = await evaluateSummaries(
  set,
  (q, countryCodes) => focused.retrieve(q, { intent: 'country', countryCodes }).passages,
  createExtractiveSummarizer(content),
  findPlaces,
);

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const out: string[] = [
  `questions: ${report.questions}, passages: ${content.passages.length}`,
  `recall@${report.k}: ${pct(report.recallAtK)}`,
  `hit@${report.k}: ${pct(report.hitAtK)}`,
  `MRR: ${report.mrr.toFixed(3)}`,
  `unanswerable questions retrieving nothing: ${set.unanswerable.length - report.grounded.length}/${set.unanswerable.length}`,
  `out-of-scope questions told so, retrieving nothing: ${set.outOfScope.length - report.inScope.length}/${set.outOfScope.length}`,
  `subject questions with the right "nothing on" destinations: ${report.subjectQuestions - report.nothingOnMismatches.length}/${report.subjectQuestions}`,
  `summary sentences on the asked destinations and subject: ${summaries.onQuestion}/${summaries.sentences} (${summaries.summaries} destination questions summarised)`,
];
for (const r of report.results) {
  if (r.recall < 1 || verbose) out.push(`${r.recall < 1 ? 'MISS' : 'ok  '} ${r.q}\n     missed: ${r.missed.join(', ') || '-'}\n     got:    ${r.retrieved.join(', ')}`);
}
for (const g of report.grounded) out.push(`GROUNDED? ${g.q}: ${g.retrieved.join(', ')}`);
for (const g of report.inScope) out.push(`IN SCOPE? ${g.q}: ${g.retrieved.join(', ') || 'not read as out of scope'}`);
for (const m of report.nothingOnMismatches) out.push(`NOTHING ON? ${m.q}: expected [${m.expected.join(', ')}], got [${m.got.join(', ')}]`);
for (const o of summaries.off) out.push(`OFF (${o.why}) ${o.q}\n     ${o.sentence}`);
if (report.unknownIds.length) out.push(`unknown passage ids in the eval set: ${report.unknownIds.join(', ')}`);
if (withLlm && !config.model) out.push('llm: skipped; configure a model (OPENAI_API_KEY, or OPENAI_BASE_URL for a compatible server; docs/llm.md)');
if (withLlm && config.model) {
  const llm = await evaluateLlmSummaries(content, retriever, set, { findPlaces, endpoint: config.model, logger: createLogger('silent') });
  out.push(
    `llm (${describeModelEndpoint(config.model)}): ${llm.calls} calls, ${llm.answeredWithLlm} answered by the model`,
    `llm sentences kept: ${llm.kept}/${llm.proposed} (${pct(llm.keptShare)})`,
    `llm drop reasons: ${JSON.stringify(llm.dropReasons)}`,
    `llm fallbacks: ${JSON.stringify(llm.fallbackReasons)}`,
  );
}
process.stdout.write(`${out.join('\n')}\n`);
process.exitCode = report.unknownIds.length ? 1 : 0;
