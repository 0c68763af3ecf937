/**
 * Misspelling distance for place names: an optimal-string-alignment edit distance
 * where swapping letters that sound alike (vowels and y, c/k/q, s/z) costs half,
 * so "Kirgizstan" is close to "Kyrgyzstan" and "Kazakstan" to "Kazakhstan".
 */

const SOUND_CLASS: Record<string, number> = { a: 1, e: 1, i: 1, o: 1, u: 1, y: 1, c: 2, k: 2, q: 2, s: 3, z: 3 };

function substitutionCost(a: string, b: string): number {
  if (a === b) return 0;
  const ca = SOUND_CLASS[a];
  return ca !== undefined && ca === SOUND_CLASS[b] ? 0.5 : 1;
}

/** Weighted edit distance; gives up (returns Infinity) once it exceeds `limit`. */
export function soundDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return Infinity;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= n; j++) {
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + substitutionCost(a[i - 1]!, b[j - 1]!));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
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
