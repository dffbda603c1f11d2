// `pnpm --filter @sms-errors/docs start`: serves dist/ on 127.0.0.1:8080 (HOST and PORT override).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveDirectory } from './static-server.mjs';

const root = fileURLToPath(new URL('../dist/', import.meta.url));
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? '8080');
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`sms-errors docs: PORT must be a port number (1-65535), got "${process.env.PORT}"`);
  process.exit(2);
}
if (!existsSync(`${root}index.html`)) {
  console.error('sms-errors docs: dist/index.html is missing; build first (pnpm --filter @sms-errors/docs build)');
  process.exit(1);
}
try {
  const { server, url } = await serveDirectory(root, { host, port });
  console.log(`sms-errors docs: ${url}`);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
} catch (error) {
  console.error(`sms-errors docs: cannot listen on ${host}:${port}: ${error.code ?? error.message}`);
  process.exit(1);
}
