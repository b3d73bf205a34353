import { defineConfig } from 'vitest/config';
import { HANG_LIMIT_MS } from './test/support/hangLimit.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // No test depends on wall-clock speed: these only stop a hang (see test/support/hangLimit.ts).
    testTimeout: HANG_LIMIT_MS,
    hookTimeout: HANG_LIMIT_MS,
    pool: 'forks',
  },
});
