// The docs tests drive Debian's Chromium. Install it when it is missing and we may (root with apt-get, as
// on CI and the project's machines); otherwise say exactly what is needed instead of failing later.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM_EXECUTABLE as CHROMIUM } from './chromium.mjs';

if (existsSync(CHROMIUM)) {
  process.exit(0);
}

const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
if (!canApt) {
  console.error(
    `ensure-chromium: ${CHROMIUM} is missing; install Debian's chromium package (sudo apt-get install chromium) and run the tests again.`,
  );
  process.exit(1);
}
console.log('ensure-chromium: installing Debian chromium for the browser tests (about 20 s)...');
const apt = (args) =>
  execFileSync('apt-get', args, {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
apt(['update', '-qq']);
apt(['install', '-y', '-qq', '--no-install-recommends', 'chromium']);
if (!existsSync(CHROMIUM)) {
  console.error(`ensure-chromium: apt-get finished but ${CHROMIUM} is still missing`);
  process.exit(1);
}
