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
    // four workers overlap those waits on a 2-core machine. Six were slower on the quiet
    // machine (240 s against 213 s, README "Tests") and failed a load-sensitive test.
    maxWorkers: 4,
    // One module cache per worker (`isolate: false`): a file no longer imports the program and
    // its SDKs again, nor starts a process of its own. Files therefore share module state, so
    // none may leave any behind that another reads: test doubles use URLs no earlier double had (botframework-connector caches
    // OpenID keys per metadata URL for the whole process, and a later double can get a freed
    // port), stores live in per-file directories, Redis keys and queue prefixes, and fake timers
    // are restored in afterEach. Checked in shuffled file order with
    // `npx vitest run --sequence.shuffle.files --sequence.seed=N` (README "Tests"). Plain
    // `--sequence.shuffle` also reorders the tests inside each file: the end-to-end files are
    // stories whose tests build on the one before (a trip planned, then reminded), and they
    // fail that way with isolation too.
    isolate: false,
    // In CI, also write a JSON report so .ci/run can print one plain "N passed, N failed" line.
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: 'test/artifacts/vitest-report.json' },
  },
});
