/**
 * "One fact counts toward one indicator": finds pairs of indicators of one country
 * whose evidence rests on the same fact, as far as a machine can tell — they cite a
 * common source and most of the shorter evidence's content words reappear in the
 * other. It cannot see two phrasings of one fact with different words; reviewers do.
 */
const STOP = new Set(
  'a an and are as at be been by for from has have in into is it its of on or that the their this to was were which with since under who whose also has had not its than then there these those such per about over all any'.split(
    ' ',
  ),
);

/** Content words, cut to a five-letter stem so "detained" meets "detention". */
export function contentStems(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 2 && !STOP.has(w))
      .map((w) => w.slice(0, 5)),
  );
}

/** Share of the smaller set found in the other (1 = one contains the other). */
function overlap(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (!small.size) return 0;
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  return shared / small.size;
}

/** Threshold tuned on the shipped content: distinct facts from one report stay well below it. */
export const SAME_FACT_OVERLAP = 0.5;

export interface EvidenceLike {
  status: string;
  evidence: string;
  sources: string[];
}

/** Pairs [first, second] of present indicators that look like the same fact counted twice. */
export function sameFactPairs(indicators: Record<string, EvidenceLike>): Array<[string, string]> {
  const present = Object.entries(indicators).filter(([, i]) => i.status === 'present');
  const stems = new Map(present.map(([id, i]) => [id, contentStems(i.evidence)]));
  const pairs: Array<[string, string]> = [];
  for (let x = 0; x < present.length; x++) {
    for (let y = x + 1; y < present.length; y++) {
      const [a, ia] = present[x]!;
      const [b, ib] = present[y]!;
      if (!ia.sources.some((s) => ib.sources.includes(s))) continue;
      if (overlap(stems.get(a)!, stems.get(b)!) >= SAME_FACT_OVERLAP) pairs.push([a, b]);
    }
  }
  return pairs;
}
