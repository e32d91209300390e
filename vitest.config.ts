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
  },
});
