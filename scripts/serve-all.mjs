// The main command's last step: serve the built docs, the mock and the sandbox side by side on 127.0.0.1
// until Ctrl-C, then stop them all by PID. Each runs its package's own `start`, so there is one way to run each.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const services = [
  { name: 'docs', script: 'apps/docs/scripts/serve-docs.mjs', port: process.env.DOCS_PORT ?? '8080', url: (p) => `http://127.0.0.1:${p}/` },
  { name: 'mock', script: 'apps/mock/dist/cli.js', port: process.env.MOCK_PORT ?? '4010', url: (p) => `http://127.0.0.1:${p}/v3/errors?offset=0` },
  { name: 'sandbox', script: 'apps/mock/dist/sandbox-cli.js', port: process.env.SANDBOX_PORT ?? '4011', url: (p) => `http://127.0.0.1:${p}/v3/errors?offset=0&limit=100` },
];

const children = services.map((service) => {
  const child = spawn(process.execPath, [service.script], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, HOST: '127.0.0.1', PORT: service.port },
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${service.name} exited (${signal ?? code}); stopping the rest`);
      stop(1);
    }
  });
  return child;
});

let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) {
    if (child.pid !== undefined && child.exitCode === null) process.kill(child.pid, 'SIGTERM');
  }
  Promise.all(children.map((child) => (child.exitCode !== null ? null : new Promise((r) => child.once('exit', r))))).then(
    () => process.exit(code),
  );
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

// Print the URLs only once every server answers, so that what is printed can be used at once.
async function answering(url) {
  for (let i = 0; i < 300 && !stopping; i++) {
    try {
      await (await fetch(url, { signal: AbortSignal.timeout(1000) })).arrayBuffer();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
await Promise.all(services.map((service) => answering(service.url(service.port))));
if (!stopping) {
  console.log('\nsms-errors is running (Ctrl-C stops all three):');
  for (const service of services) console.log(`  ${service.name.padEnd(7)} ${service.url(service.port)}`);
  console.log(`  try:  curl -H 'X-Auth-Token: any' '${services[1].url(services[1].port)}'\n`);
}
