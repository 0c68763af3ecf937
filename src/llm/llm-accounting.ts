/**
 * Model accounting: how often the model's summary was kept, why the others fell back to
 * extractive, which sentences the grounding check dropped and why, and how long calls
 * took. Counts and a latency histogram only: no question, no sentence, no passage id,
 * nothing a person wrote. One instance per process, fed by the summarizer's `onOutcome`;
 * `/healthz` shows it, and llm-accounting-store.ts keeps it in the store for `llm report`.
 * Histograms with fixed bounds add up across processes, so replicas sum exactly.
 */
import type { LlmOutcome } from '../advisor/llm-summarizer.js';

/** Upper bounds (inclusive) of the latency buckets, in ms; one more bucket holds anything slower. */
export const LATENCY_BOUNDS_MS = [100, 250, 500, 1000, 2000, 4000, 8000, 16000, 32000, 64000] as const;

export interface LlmCounts {
  /** Model calls made (one per summary asked for). */
  calls: number;
  /** Calls whose summary passed the check and was shown. */
  summariesKept: number;
  /** Calls that fell back to the extractive summary, by reason (llm-summarizer.ts FallbackReason). */
  fallbacks: Record<string, number>;
  sentencesProposed: number;
  sentencesKept: number;
  /** Sentences the grounding check dropped, by reason (check-llm-summary.ts DropReason). */
  sentencesDropped: Record<string, number>;
  /** counts[i] is calls with latency ≤ LATENCY_BOUNDS_MS[i] (and above the previous bound); the last is the rest. */
  latency: { counts: number[]; totalMs: number };
}

export interface LlmAccountingSnapshot extends LlmCounts {
  /** When counting started (process start) and when this snapshot was taken, ISO 8601. */
  since: string;
  updatedAt: string;
}

export interface LlmAccounting {
  record(outcome: LlmOutcome): void;
  snapshot(): LlmAccountingSnapshot;
}

export function emptyCounts(): LlmCounts {
  return { calls: 0, summariesKept: 0, fallbacks: {}, sentencesProposed: 0, sentencesKept: 0, sentencesDropped: {}, latency: { counts: LATENCY_BOUNDS_MS.map(() => 0).concat(0), totalMs: 0 } };
}

const bump = (into: Record<string, number>, key: string, by = 1) => {
  into[key] = (into[key] ?? 0) + by;
};

/** Counters for this process, starting now. */
export function createLlmAccounting(options: { clock?: () => Date } = {}): LlmAccounting {
  const clock = options.clock ?? (() => new Date());
  const since = clock().toISOString();
  const c = emptyCounts();
  return {
    record(o) {
      c.calls++;
      if (o.ok) c.summariesKept++;
      else bump(c.fallbacks, o.reason ?? 'unknown');
      c.sentencesProposed += o.proposed;
      c.sentencesKept += o.kept;
      for (const reason of o.dropped) bump(c.sentencesDropped, reason);
      const bucket = LATENCY_BOUNDS_MS.findIndex((bound) => o.latencyMs <= bound);
      c.latency.counts[bucket === -1 ? LATENCY_BOUNDS_MS.length : bucket]!++;
      c.latency.totalMs += o.latencyMs;
    },
    snapshot: () => ({ ...structuredClone(c), since, updatedAt: clock().toISOString() }),
  };
}

/** Several processes' counts as one (they share the bucket bounds). */
export function mergeCounts(all: LlmCounts[]): LlmCounts {
  const sum = emptyCounts();
  for (const c of all) {
    sum.calls += c.calls;
    sum.summariesKept += c.summariesKept;
    sum.sentencesProposed += c.sentencesProposed;
    sum.sentencesKept += c.sentencesKept;
    for (const [k, n] of Object.entries(c.fallbacks)) bump(sum.fallbacks, k, n);
    for (const [k, n] of Object.entries(c.sentencesDropped)) bump(sum.sentencesDropped, k, n);
    c.latency.counts.forEach((n, i) => (sum.latency.counts[i]! += n));
    sum.latency.totalMs += c.latency.totalMs;
  }
  return sum;
}

/**
 * The bucket bound at or below which a share `q` of calls finished: the median is
 * `latencyAtMost(c, 0.5)`. Null with no calls; Infinity when it falls past the last bound.
 */
export function latencyAtMost(c: LlmCounts, q: number): number | null {
  const total = c.latency.counts.reduce((a, b) => a + b, 0);
  if (!total) return null;
  let seen = 0;
  for (const [i, n] of c.latency.counts.entries()) {
    seen += n;
    if (seen >= q * total) return LATENCY_BOUNDS_MS[i] ?? Number.POSITIVE_INFINITY;
  }
  return Number.POSITIVE_INFINITY;
}

/** The counts as `/healthz` shows them: totals, reasons, and latency as median/p95 bucket bounds and the histogram. */
export function llmHealthDetails(s: LlmAccountingSnapshot): Record<string, unknown> {
  const bound = (v: number | null) => (v === Number.POSITIVE_INFINITY ? `>${LATENCY_BOUNDS_MS.at(-1)}` : v);
  return {
    since: s.since,
    calls: s.calls,
    summariesKept: s.summariesKept,
    fallbacks: s.fallbacks,
    sentences: { proposed: s.sentencesProposed, kept: s.sentencesKept, dropped: s.sentencesDropped },
    latencyMs: {
      medianAtMost: bound(latencyAtMost(s, 0.5)),
      p95AtMost: bound(latencyAtMost(s, 0.95)),
      histogram: s.latency.counts.map((count, i) => ({ le: LATENCY_BOUNDS_MS[i] ?? null, count })),
    },
  };
}
