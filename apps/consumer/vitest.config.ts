import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Packs both packages once and starts one Prism mock for the run (test/global-setup.ts).
    globalSetup: ['./test/global-setup.ts'],
    // npm installs from the tarballs (openapi-fetch from the registry), tsc runs and subprocesses.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
