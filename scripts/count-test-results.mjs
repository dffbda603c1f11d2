// Sums the vitest JSON reports of every workspace package into "N passed, N failed". A failed test
// command with no failed test (lint, typecheck or a crash) still counts as one failure.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const exitStatus = Number(process.argv[2] ?? 0);
let passed = 0;
let failed = 0;
for (const group of ['packages', 'apps']) {
  if (!existsSync(group)) continue;
  for (const name of readdirSync(group)) {
    const report = join(group, name, 'test-results', 'vitest.json');
    if (!existsSync(report)) continue;
    const results = JSON.parse(readFileSync(report, 'utf8'));
    passed += results.numPassedTests;
    failed += results.numFailedTests;
  }
}
if (exitStatus !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
