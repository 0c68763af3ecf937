/**
 * Keeps V8's young generation at its starting size while the server starts. Start-up reads
 * the prebuilt artifacts and builds indexes that live as long as the process; each scavenge
 * that sees them survive doubled the young generation, which reached its maximum (2 × 16 MB)
 * during start and, unused while idle, held about 23 MB of the idle server's RSS (issue 18:
 * 129 → 106–110 MB idle, start-up CPU unchanged). main.ts imports this module first, so it
 * runs before the other imports, and calls `releaseYoungGeneration()` once listening: traffic
 * then grows it as before (V8 reads the factor each time it grows the space).
 */
import { setFlagsFromString } from 'node:v8';

/** V8's default growth factor (node --v8-options), MUST match the Node version we run on. */
const DEFAULT_GROWTH_FACTOR = 2;

setFlagsFromString('--semi-space-growth-factor=1');

/** Lets the young generation grow again under load. */
export function releaseYoungGeneration(): void {
  setFlagsFromString(`--semi-space-growth-factor=${DEFAULT_GROWTH_FACTOR}`);
}
