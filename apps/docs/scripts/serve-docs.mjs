// `pnpm --filter @sms-errors/docs start`: serves dist/ on 127.0.0.1:8080 (HOST, and DOCS_PORT or PORT, override;
// DOCS_PORT is the name `npm start` uses). A bad setting or a port in use is one line naming the setting.
// It tells the console (/console/) where the mock and the sandbox listen: 127.0.0.1 on MOCK_PORT and
// SANDBOX_PORT (the variables that move them; `npm start` passes both), else their default ports.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { consoleConfigFiles, consoleTargetsFromEnv } from './console-targets.mjs';
import { serveDirectory } from './static-server.mjs';

const root = fileURLToPath(new URL('../dist/', import.meta.url));
const host = process.env.HOST || '127.0.0.1';
const portVariable = process.env.DOCS_PORT === undefined && process.env.PORT !== undefined ? 'PORT' : 'DOCS_PORT';
const portText = process.env[portVariable] ?? '8080';
const port = Number(portText);
if (!/^\d+$/.test(portText.trim()) || port < 1 || port > 65535) {
  console.error(`sms-errors docs: ${portVariable} must be an integer from 1 to 65535, got "${portText}"`);
  process.exit(2);
}
let targets;
try {
  targets = consoleTargetsFromEnv(process.env);
} catch (error) {
  console.error(`sms-errors docs: ${error.message}`);
  process.exit(2);
}
if (!existsSync(`${root}index.html`)) {
  console.error('sms-errors docs: dist/index.html is missing; build first (pnpm --filter @sms-errors/docs build)');
  process.exit(1);
}
try {
  const { server, url } = await serveDirectory(root, { host, port, extraFiles: consoleConfigFiles(targets) });
  console.log(`sms-errors docs: ${url}`);
  console.log(`sms-errors docs: console at ${url}console/ (mock ${targets.mock}, sandbox ${targets.sandbox})`);
  const stop = () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, stop);
  }
} catch (error) {
  const reason =
    error.code === 'EADDRINUSE'
      ? `${host}:${port} is already in use (set ${portVariable} to another port)`
      : `cannot listen on ${host}:${port} (${error.code ?? error.message})`;
  console.error(`sms-errors docs: ${reason}`);
  process.exit(1);
}
