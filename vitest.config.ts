import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { HANG_LIMIT_MS } from './test/support/hangLimit.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // No test depends on wall-clock speed: these only stop a hang (see test/support/hangLimit.ts).
    testTimeout: HANG_LIMIT_MS,
    hookTimeout: HANG_LIMIT_MS,
    pool: 'forks',
    // Files share their worker's modules (fonts, fontkit, pdfkit, the compiled layout) instead of
    // loading them again per file: half the suite's time. Tests keep no state between files (each
    // makes its own temporary folders and workspaces), so sharing them is not observable.
    isolate: false,
    // Shaped words kept across runs go to a folder of the tests' own, not the user's cache.
    env: { GALLEY_SHAPE_CACHE: join(tmpdir(), 'galley-test-shapes') },
  },
});
