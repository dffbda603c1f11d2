// Runs the pnpm this repository pins, the version in package.json's `packageManager` (the one place it is
// written), through npx: a machine with only Node and npm can run every command, and nothing else has to
// repeat the version.
//
//   node scripts/pnpm.mjs <pnpm arguments>      e.g. node scripts/pnpm.mjs --filter @sms-errors/mock start
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

const { packageManager } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const version = /^pnpm@(\d+\.\d+\.\d+)$/.exec(packageManager ?? '')?.[1];
if (version === undefined) {
  console.error(
    `scripts/pnpm.mjs: package.json's packageManager must be pnpm@<major.minor.patch>, not ${JSON.stringify(packageManager)}`,
  );
  process.exit(2);
}

const child = spawn('npx', ['-y', `pnpm@${version}`, ...process.argv.slice(2)], { stdio: 'inherit' });
// Ctrl-C reaches pnpm from the terminal as well; a signal sent to this process alone is passed on, and this
// process waits for pnpm to end either way.
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => child.kill(signal));
}
child.on('error', (error) => {
  console.error(`scripts/pnpm.mjs: cannot run npx: ${error.message}`);
  process.exitCode = 1;
});
child.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});
