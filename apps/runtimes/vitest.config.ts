import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One sandbox and one mock for the run, on free loopback ports (test/global-setup.ts).
    globalSetup: ['./test/global-setup.ts'],
    // Bun, Deno and Chromium each start in about a second; the sandbox is paged twice by each.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
