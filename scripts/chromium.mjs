// Where the browser tests' Chromium is and how they start it: Debian's chromium (installed by
// scripts/ensure-chromium.mjs), headless, without its sandbox (the tests run as root in CI), and with its own
// background traffic switched off (this machine's network is closed, and no request may leave 127.0.0.1).
// One place for the docs page's tests, the console's tests and the client's browser run.

export const CHROMIUM_EXECUTABLE = '/usr/bin/chromium';

/** @type {string[]} */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
