import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    // Builds dist/ once, for the tests that run `node dist/…` as a user would.
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // End-to-end files each start a server on a random port; two cores, so keep parallelism modest.
    maxWorkers: 2,
    // Worker threads that keep modules loaded from one test file to the next: loading Rollout's modules
    // into every file was 40% of the suite's time. The price is a rule: a test leaves no global state
    // behind (no vi.mock; fake timers and spies are restored, which restoreMocks does for spies).
    pool: 'threads',
    isolate: false,
    restoreMocks: true,
  },
});
