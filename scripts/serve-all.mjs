// The main command's last step: serve the built docs, the mock and the sandbox side by side on 127.0.0.1
// until Ctrl-C, then stop them all by PID. Each runs its package's own `start` command, so there is one way
// to run each; DOCS_PORT, MOCK_PORT and SANDBOX_PORT move them (each command reads its own variable, and names
// it when the port is taken). "is running" is printed only once each of the three has said it listens (a
// command says so only after binding its port, so a server of someone else's on the port is never taken for
// ours) and each answers there. The docs server is told the mock's and the sandbox's ports too, for the
// console (/console/), whose URL is printed with the others.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * @typedef {{ name: string, script: string, portVariable: string, defaultPort: string, path: string, port: string, url: string,
 *   ready?: Promise<boolean>, details: string[] }} Service
 */

/** @type {Service[]} */
const services = [
  {
    name: 'docs',
    script: 'apps/docs/scripts/serve-docs.mjs',
    portVariable: 'DOCS_PORT',
    defaultPort: '8080',
    path: '/',
  },
  {
    name: 'mock',
    script: 'apps/mock/dist/cli.js',
    portVariable: 'MOCK_PORT',
    defaultPort: '4010',
    path: '/v3/errors?offset=0',
  },
  {
    name: 'sandbox',
    script: 'apps/mock/dist/sandbox-cli.js',
    portVariable: 'SANDBOX_PORT',
    defaultPort: '4011',
    path: '/v3/errors?offset=0&limit=100',
  },
].map((service) => {
  const port = process.env[service.portVariable] ?? service.defaultPort;
  return { ...service, port, url: `http://127.0.0.1:${port}${service.path}`, details: [] };
});

/** Every service's port variable: the docs server reads the mock's and the sandbox's for the console. */
const ports = Object.fromEntries(services.map((service) => [service.portVariable, service.port]));

let stopping = false;
const children = services.map((service) => {
  const child = spawn(process.execPath, [service.script], {
    cwd: root,
    // stdout is read for the command's "listening" line (and the sandbox's credentials); Prism's request log,
    // which goes there too, is dropped. A command's errors are one line on stderr, passed straight through.
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      ...(service.name === 'docs' ? ports : {}),
      [service.portVariable]: service.port,
    },
  });
  service.ready = new Promise((resolve) => {
    const lines = createInterface({ input: child.stdout });
    let extra = 0;
    lines.on('line', (line) => {
      if (line.startsWith(`sms-errors ${service.name}: http://`)) {
        service.details = [];
        extra = service.name === 'sandbox' ? 2 : 0;
        if (extra === 0) {
          resolve(true);
        }
      } else if (extra > 0 && line.startsWith('  ')) {
        service.details.push(line.trim());
        if (--extra === 0) {
          resolve(true);
        }
      }
    });
    child.once('exit', () => resolve(false));
  });
  child.on('exit', (code, signal) => {
    if (stopping) {
      return;
    }
    // A Ctrl-C reaches the commands too, and one may be gone before this process has seen the signal:
    // a command that stopped cleanly means "stop", not a failure.
    if (code === 0 || signal === 'SIGINT' || signal === 'SIGTERM') {
      return stop(0);
    }
    console.error(`sms-errors: the ${service.name} stopped (exit code ${code ?? signal}); stopping the others`);
    stop(1);
  });
  return child;
});

function stop(code) {
  if (stopping) {
    return;
  }
  stopping = true;
  for (const child of children) {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
  }
  const exits = children.map((child) =>
    child.exitCode !== null || child.signalCode !== null ? null : new Promise((resolve) => child.once('exit', resolve)),
  );
  Promise.all(exits).then(() => process.exit(code));
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

async function answers(url) {
  try {
    const response = await fetch(url, {
      headers: { 'X-Auth-Token': 'serve-all-check' },
      signal: AbortSignal.timeout(5000),
    });
    await response.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

const ready = await Promise.all(services.map((service) => service.ready));
if (
  !stopping &&
  ready.every(Boolean) &&
  (await Promise.all(services.map((service) => answers(service.url)))).every(Boolean) &&
  !stopping
) {
  const [docs, mock, sandbox] = services;
  console.log('\nsms-errors is running (Ctrl-C stops all three):');
  for (const service of services) {
    console.log(`  ${service.name.padEnd(7)} ${service.url}`);
    // The console is a page of the docs server's, printed beside it.
    if (service === docs) {
      console.log(`  ${'console'.padEnd(7)} ${new URL('console/', docs.url).href}  (try the API from the browser)`);
    }
  }
  for (const detail of sandbox.details) {
    console.log(`           ${detail}`);
  }
  console.log(`  try:  curl -H 'X-Auth-Token: any' '${mock.url}'`);
  console.log(`  ports: DOCS_PORT=${docs.port} MOCK_PORT=${mock.port} SANDBOX_PORT=${sandbox.port}\n`);
} else if (!stopping) {
  console.error('sms-errors: not every server started; stopping the others');
  stop(1);
}
