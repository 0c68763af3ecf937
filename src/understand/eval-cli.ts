/**
 * `npm run eval:nlu`: runs the evaluation set against the real understander (built
 * from INTENTS_DIR) and prints accuracy per category, then every miss. Exits 1 when
 * country accuracy is below 97% or date accuracy below 95%, the bar the test holds.
 */
import { resolve } from 'node:path';
import { loadConfig, PACKAGE_ROOT } from '../config.js';
import { loadUnderstander } from './create-understander.js';
import { COUNTRY_BAR, DATE_BAR, formatReport, readEvalSet, runEval } from './run-eval.js';

function main(): number {
  const config = loadConfig();
  const path = process.argv[2] ?? resolve(PACKAGE_ROOT, 'test/nlu/eval-set.yaml');
  const started = performance.now();
  const understander = loadUnderstander(config.INTENTS_DIR);
  const startup = performance.now() - started;
  const set = readEvalSet(path);
  const t0 = performance.now();
  const report = runEval(set, understander);
  const perMessage = (performance.now() - t0) / set.cases.length;
  console.log(formatReport(report));
  console.log(`\nstart-up ${startup.toFixed(0)} ms; ${perMessage.toFixed(3)} ms per message (one cold pass; see npm run bench for the steady figure)`);
  for (const f of report.failures)
    console.log(
      `MISS [${f.case.category}] ${JSON.stringify(f.case.text)} (${f.wrong.join(', ')}): expected ${f.case.intent} [${f.case.countries.join(' ')}]` +
        `${f.case.start !== undefined ? ` ${f.case.start}..${f.case.end ?? null}` : ''}; got ${f.got.intent} [${f.got.countries.join(' ')}]` +
        `${f.got.suggest.length ? ` suggest [${f.got.suggest.join(' ')}]` : ''} ${f.got.start}..${f.got.end}`,
    );
  const t = report.total;
  return t.countries / t.cases >= COUNTRY_BAR && t.dates / Math.max(1, t.dated) >= DATE_BAR ? 0 : 1;
}

process.exitCode = main();
