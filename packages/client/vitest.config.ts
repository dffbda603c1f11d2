import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One Prism mock for the whole run, on a free port (see test/global-setup.ts).
    globalSetup: ['./test/global-setup.ts'],
    // `npm test` runs every package's tests at once: on a loaded 2-core machine the property tests of the
    // bad-input matrix take well over vitest's default 5 s (a limit on hanging, not a speed claim).
    testTimeout: 30_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
