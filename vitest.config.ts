import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Browser tests poll what a page shows; on a busy 2-core machine a page may take seconds to settle.
    expect: { poll: { timeout: 15_000, interval: 50 } },
  },
});
