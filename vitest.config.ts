import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/bench/**', 'node_modules/**', 'dist/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Server-backed suites share Redis/Postgres; files run in parallel workers but each uses its own keys.
    pool: 'forks',
    // Most suites wait on real processes, sockets, Redis and Postgres rather than on the CPU:
    // four workers overlap those waits on a 2-core machine (417 s → 285 s for the full run)
    // without making timing-sensitive suites flaky (checked with repeated full runs).
    maxWorkers: 4,
    // Each worker runs its files one after another in one process with one module cache,
    // instead of a fresh process per file: botbuilder, Bolt, msal and the src/ graph are
    // loaded once per worker, and test/support/shared-advisor.ts builds the advisor from
    // content/ once per worker rather than once per file. Safe because no test patches
    // modules (no vi.mock), stubs globals or writes process.env, every suite's Redis keys,
    // Postgres tables, ports and temp dirs are its own, and module-level state in src/ is
    // only caches of pure results. A file that needs a fresh process can still spawn one.
    isolate: false,
    // In CI, also write a JSON report so .ci/run can print one plain "N passed, N failed" line.
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: 'test/artifacts/vitest-report.json' },
  },
});
