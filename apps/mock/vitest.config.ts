import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Prism takes about a second to start and to stop on an idle machine, and far longer on a loaded one
    // (test files start theirs side by side): generous limits, so that no result depends on the load.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
