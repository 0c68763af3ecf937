/**
 * `travel-advisor llm report` as text and JSON: the stored counters of every server process
 * (llm-accounting-store.ts) summed, with the share of answers the model wrote, fallbacks and
 * dropped sentences by reason, and latency as bucket bounds. Pure; counts only.
 */
import { LATENCY_BOUNDS_MS, latencyAtMost, mergeCounts, type LlmCounts } from './llm-accounting.js';
import type { StoredLlmAccounting } from './llm-accounting-store.js';

export interface LlmReport extends LlmCounts {
  processes: number;
  /** Earliest start and latest write among the records; null without records. */
  since: string | null;
  updatedAt: string | null;
  /** The model each process called, as describeModelEndpoint wrote it (several after a change). */
  models: string[];
  latencyMs: LlmCounts['latency'] & { medianAtMost: number | string | null; p95AtMost: number | string | null; mean: number | null; bounds: readonly number[] };
}

export function buildLlmReport(records: StoredLlmAccounting[]): LlmReport {
  const sum = mergeCounts(records);
  const bound = (v: number | null) => (v === Number.POSITIVE_INFINITY ? `>${LATENCY_BOUNDS_MS.at(-1)}` : v);
  return {
    ...sum,
    processes: records.length,
    since: records.map((r) => r.since).sort()[0] ?? null,
    updatedAt: records.map((r) => r.updatedAt).sort().at(-1) ?? null,
    models: [...new Set(records.map((r) => r.model))],
    latencyMs: {
      ...sum.latency,
      bounds: LATENCY_BOUNDS_MS,
      medianAtMost: bound(latencyAtMost(sum, 0.5)),
      p95AtMost: bound(latencyAtMost(sum, 0.95)),
      mean: sum.calls ? Math.round(sum.latency.totalMs / sum.calls) : null,
    },
  };
}

const pct = (n: number, of: number) => (of ? `${((n / of) * 100).toFixed(1)}%` : '-');
const reasons = (r: Record<string, number>) =>
  Object.entries(r)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k, n]) => `${k} ${n}`)
    .join(', ') || 'none';
const ms = (v: number | string | null) => (v === null ? '-' : typeof v === 'string' ? `${v} ms` : `≤ ${v} ms`);

/** The report for a person; `where` names the store read (describeStore). */
export function renderLlmReport(report: LlmReport, where: string): string {
  if (!report.processes)
    return `No model accounting in the store (${where}) yet. A server with a model configured writes its counts there once a minute and when it stops; check that this command uses the same STORE_URL (or DATA_DIR) as the server.\n`;
  const fell = report.calls - report.summariesKept;
  return [
    `Model summaries: ${report.processes} server process${report.processes === 1 ? '' : 'es'} in ${where}, counted since ${report.since}, last written ${report.updatedAt}`,
    ...report.models.map((m) => `  model: ${m}`),
    `Answers written by the model: ${report.summariesKept} of ${report.calls} calls (${pct(report.summariesKept, report.calls)})`,
    `Fell back to the extractive summary: ${fell} (${pct(fell, report.calls)}): ${reasons(report.fallbacks)}`,
    `Sentences: ${report.sentencesProposed} proposed, ${report.sentencesKept} kept (${pct(report.sentencesKept, report.sentencesProposed)}); dropped by the grounding check: ${reasons(report.sentencesDropped)}`,
    `Latency: median ${ms(report.latencyMs.medianAtMost)}, p95 ${ms(report.latencyMs.p95AtMost)}, mean ${report.latencyMs.mean ?? '-'} ms`,
    '',
  ].join('\n');
}
