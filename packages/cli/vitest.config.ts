import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The tests run the built CLI (dist/) as a subprocess, as users run it: turbo builds it before `test`.
    // Prism takes about a second to start and to stop; a CLI run, a few hundred ms.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
