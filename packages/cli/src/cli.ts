#!/usr/bin/env node
import { run } from './run.js';
// The `sms-errors` executable: runs run() with this process's arguments, environment and streams.
// Ctrl-C aborts the requests in flight (exit 130); a second Ctrl-C exits at once. A closed stdout
// (`sms-errors list | head -1`) ends the run quietly.
import { ExitCode } from './shared/exit-codes.js';

const controller = new AbortController();
process.on('SIGINT', () => {
  if (controller.signal.aborted) {
    process.exit(ExitCode.interrupted);
  }
  controller.abort();
});
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') {
    process.exit(process.exitCode ?? ExitCode.ok);
  }
  throw error;
});

/** All of stdin, for a snapshot argument `-`. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

process.exitCode = await run({
  argv: process.argv.slice(2),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  signal: controller.signal,
  readStdin,
});
