// Once for the run: the two tarballs, packed by the release script exactly as a release packs them, into a
// folder outside the workspace; and the real Prism mock on a free loopback port. Both go when the run ends.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startMock } from '@sms-errors/mock';
import type { TestProject } from 'vitest/node';

export interface PackedTarball {
  name: string;
  version: string;
  tarball: string;
  files: string[];
}

declare module 'vitest' {
  export interface ProvidedContext {
    mockUrl: string;
    packed: PackedTarball[];
  }
}

const releaseScript = fileURLToPath(new URL('../../../scripts/release-packages.mjs', import.meta.url));

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const outDir = await mkdtemp(join(tmpdir(), 'sms-errors-tarballs-'));
  const [mock, { stdout }] = await Promise.all([
    startMock(),
    promisify(execFile)(process.execPath, [releaseScript, 'pack', '--out', outDir, '--json']),
  ]);
  project.provide('mockUrl', mock.url);
  project.provide('packed', JSON.parse(stdout) as PackedTarball[]);
  return async () => {
    await mock.stop();
    await rm(outDir, { recursive: true, force: true });
  };
}
