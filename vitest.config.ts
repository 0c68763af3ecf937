import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/bench/**', 'node_modules/**', 'dist/**'],
    // Builds dist/ when stale and src/'s prebuilt artifacts (see the file for why).
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Server-backed suites share Redis/Postgres; files run in parallel workers but each uses its own keys.
    pool: 'forks',
    // Most suites wait on real processes, sockets, Redis and Postgres rather than on the CPU:
    // four workers overlap those waits on a 2-core machine (417 s → 285 s for the full run)
    // without making timing-sensitive suites flaky (checked with repeated full runs).
    maxWorkers: 4,
    // Each file gets a fresh module graph (vitest's default isolation). `isolate: false` (one
    // module cache per worker) cut the full run's CPU from 407 s to 271 s (load 10-22), and the
    // suites it was once reverted for (feedback store, idempotent trips, model configurations)
    // pass with it, also shuffled. But in two of three full runs a late rejection, ECONNREFUSED
    // 127.0.0.1:1 after slack-answer-workers' "Redis unreachable" case, surfaced as an unhandled
    // error in the worker's next file and failed the run with every test passed. Isolation
    // stays until that leak (a BullMQ/ioredis promise nobody handles) is found.
    // In CI, also write a JSON report so .ci/run can print one plain "N passed, N failed" line.
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: 'test/artifacts/vitest-report.json' },
  },
});
