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
    // One module cache per worker (`isolate: false`): botbuilder, Bolt, msal and the src/ graph
    // load once per worker rather than once per file, and test/support/shared-advisor.ts shares
    // its advisors. An earlier try was reverted after Redis-backed suites (feedback store,
    // idempotent trips) and the model configurations failed on a loaded clean-clone run; all
    // three pass together in one worker with --no-isolate --sequence.shuffle, and the same
    // model-configuration failure (a fallback when the 8 s model deadline passed) happened
    // with isolation too: load, not shared state. No test patches modules, stubs globals or
    // writes process.env; fake timers are restored after each test. Full run, CPU: 407 s → 271 s
    // (load 10-22); with the global setup's artifacts and dist/ spawns, 536 s → 247 s in all.
    isolate: false,
    // In CI, also write a JSON report so .ci/run can print one plain "N passed, N failed" line.
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: 'test/artifacts/vitest-report.json' },
  },
});
