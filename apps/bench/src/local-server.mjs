// The benchmarks' HTTP server: a minimal node:http server on 127.0.0.1 (a free port) in a CHILD process, so
// that it does not share the measured process's event loop. It answers GET /v3/errors:
//   --body <file>: always with that JSON body (the per-request overhead: the same GET for every client)
//   --records <n> --latency <ms>: pages of n generated records read with limit and record offset, each
//     answer delayed by <ms> (pagination)
// It exits on SIGTERM, when its parent goes away, or after --max-seconds (default 900): never left running.
//
// As a module, startServer(args) spawns it and resolves with { url, pid, stop() }.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const self = fileURLToPath(import.meta.url);

export async function startServer(args) {
  const child = spawn(process.execPath, [self, ...args], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  /** @type {string} */
  const url = await new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`bench server did not start: ${output}`)), 10_000);
    // stdout is a pipe (the spawn options above).
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      const match = /listening (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`bench server exited (${code}): ${output}`)));
  });
  /** @type {Promise<void>} */
  const exited = new Promise((resolve) => {
    if (child.exitCode !== null) {
      resolve();
    } else {
      child.once('exit', () => resolve());
    }
  });
  return {
    url,
    pid: child.pid,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
      }
      await exited;
    },
  };
}

function record(i) {
  return {
    source_id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    source_ip: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
    target_ip: i % 4 ? `192.168.${(i >> 8) & 255}.${i & 255}` : null,
    name: `server-${i}`,
    host_name: i % 3 ? `host-${i}` : null,
    error_json: '{"error_code":"SMS.3805","error_param":"[]"}',
  };
}

function main() {
  const { values } = parseArgs({
    options: {
      body: { type: 'string' },
      records: { type: 'string' },
      latency: { type: 'string', default: '0' },
      'max-seconds': { type: 'string', default: '900' },
    },
  });
  const latency = Number(values.latency);
  const fixed = values.body ? Buffer.from(readFileSync(values.body)) : undefined;
  const data = values.records ? Array.from({ length: Number(values.records) }, (_, i) => record(i)) : [];
  const server = createServer((request, response) => {
    const answer = () => {
      let body = fixed;
      if (!body) {
        const query = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams;
        const limit = Number(query.get('limit') ?? 50);
        const offset = Number(query.get('offset') ?? 0);
        body = Buffer.from(
          JSON.stringify({ count: data.length, migration_errors: data.slice(offset, offset + limit) }),
        );
      }
      response.writeHead(200, {
        'Content-Type': 'application/json;charset=UTF-8',
        'Content-Length': body.byteLength,
        'X-Request-Id': 'bench',
      });
      response.end(body);
    };
    if (latency > 0) {
      setTimeout(answer, latency);
    } else {
      answer();
    }
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => {
    const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
    console.log(`listening http://127.0.0.1:${port}`);
  });
  const bye = () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  };
  process.on('SIGTERM', bye);
  process.on('disconnect', bye);
  setTimeout(bye, Number(values['max-seconds']) * 1000).unref();
}

if (process.argv[1] === self) {
  main();
}
