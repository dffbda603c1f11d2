// The package's `bin` entry: dist/cli.js keeps its shebang and is executable, so `sms-errors` runs as
// npm and pnpm link it, without `node` in front.
import { execFile } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  name: string;
  version: string;
  bin: Record<string, string>;
};

describe('bin entry', () => {
  it('sms-errors points at an executable dist/cli.js with a node shebang', async () => {
    expect(Object.keys(manifest.bin)).toEqual(['sms-errors']);
    const path = fileURLToPath(new URL(`../${manifest.bin['sms-errors']}`, import.meta.url));
    expect(readFileSync(path, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    accessSync(path, constants.X_OK);
    const { stdout } = await promisify(execFile)(path, ['--version'], { env: { PATH: process.env['PATH'] ?? '' } });
    expect(stdout).toBe(`${manifest.name} ${manifest.version}\n`);
  });
});
