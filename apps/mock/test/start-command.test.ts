// `start`: the command integrators run. It must say where it listens, honour HOST/PORT, and stop Prism too.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findFreePort } from '../src/index.js';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

describe('start command', () => {
  it('serves on HOST:PORT, prints the URL, and stops Prism on SIGTERM', async () => {
    const port = await findFreePort();
    const child = spawn(process.execPath, [cli], { env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const url = `http://127.0.0.1:${port}/v3/errors?offset=0`;
      let status = 0;
      for (let i = 0; i < 100 && status === 0; i++) {
        status = await fetch(url, { headers: { 'X-Auth-Token': 't' } }).then((r) => r.status, () => 0);
        if (status === 0) await new Promise((r) => setTimeout(r, 100));
      }
      expect(status).toBe(200);
      expect(output).toContain(`http://127.0.0.1:${port}/v3/errors`);
    } finally {
      child.kill('SIGTERM');
    }
    await exited;
    // Prism went with it: nothing answers on the port any more.
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  });

  it('rejects a bad PORT with one line and exit code 2', async () => {
    const child = spawn(process.execPath, [cli], { env: { ...process.env, PORT: 'eighty' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('PORT');
  });
});
