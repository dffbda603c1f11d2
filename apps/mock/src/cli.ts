// `pnpm --filter @sms-errors/mock start`: the mock on 127.0.0.1:4010 (HOST and PORT override) until
// Ctrl-C. Prism runs as a child so that a signal here stops it, by PID, before this process exits.
import { spawn } from 'node:child_process';
import { prismMockArgs } from './prism.js';

const host = process.env['HOST'] ?? '127.0.0.1';
const portText = process.env['PORT'] ?? '4010';
const port = Number(portText);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`sms-errors mock: PORT must be a port number (1-65535), got "${portText}"`);
  process.exit(2);
}

const child = spawn(process.execPath, prismMockArgs({ host, port, dynamic: process.argv.includes('--dynamic') }), {
  stdio: 'inherit',
});
console.log(`sms-errors mock: http://${host}:${port}/v3/errors (Prism, examples from spec/openapi.yaml)`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (child.pid !== undefined && child.exitCode === null) process.kill(child.pid, 'SIGTERM');
  });
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
