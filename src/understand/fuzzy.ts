/**
 * Misspelling distance for place names: an optimal-string-alignment edit distance
 * where swapping letters that sound alike (vowels and y, c/k/q, s/z) costs half,
 * so "Kirgizstan" is close to "Kyrgyzstan" and "Kazakstan" to "Kazakhstan".
 */

// Sound class per character code (0 = none): vowels and y, c/k/q, s/z.
const SOUND_CLASS = new Uint8Array(128);
for (const [letters, cls] of [['aeiouy', 1], ['ckq', 2], ['sz', 3]] as const) for (const l of letters) SOUND_CLASS[l.charCodeAt(0)] = cls;

function substitutionCost(a: number, b: number): number {
  if (a === b) return 0;
  const ca = a < 128 ? SOUND_CLASS[a]! : 0;
  return ca !== 0 && b < 128 && ca === SOUND_CLASS[b] ? 0.5 : 1;
}

// Three reused rows: the distance runs on every unknown word of every message, so it allocates nothing.
let rows = [new Float64Array(64), new Float64Array(64), new Float64Array(64)] as [Float64Array, Float64Array, Float64Array];

/** Weighted edit distance; gives up (returns Infinity) once it exceeds `limit`. */
export function soundDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return Infinity;
  const n = b.length;
  if (n + 1 > rows[0].length) rows = [new Float64Array(n + 1), new Float64Array(n + 1), new Float64Array(n + 1)];
  let [prev2, prev, cur] = rows;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + substitutionCost(ca, cb));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return Infinity;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]!;
}

/** 0..1: one minus the distance per letter of the longer word. */
export function similarity(a: string, b: string, minimum = 0): number {
  const longest = Math.max(a.length, b.length);
  const d = soundDistance(a, b, (1 - minimum) * longest);
  return d === Infinity ? 0 : 1 - d / longest;
}
