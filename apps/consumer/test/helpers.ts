// Shared by the tests: the packed tarballs by package name, and commands run in a scratch folder with the
// Node that runs the tests first on PATH (so `#!/usr/bin/env node` scripts such as `sms-errors` run on it).
import { execFile } from 'node:child_process';
import { delimiter, dirname } from 'node:path';
import { promisify } from 'node:util';
import { inject } from 'vitest';

export const clientPackage = '@sms-errors/client';
export const cliPackage = '@sms-errors/cli';

export function tarballOf(name: string): { tarball: string; version: string; files: string[] } {
  const packed = inject('packed').find((entry) => entry.name === name);
  if (!packed) {
    throw new Error(`${name} was not packed`);
  }
  return packed;
}

export const pathWithThisNode = `${dirname(process.execPath)}${delimiter}${process.env['PATH'] ?? ''}`;

export interface Ran {
  stdout: string;
  stderr: string;
}

/**
 * Runs `file args` in `cwd` with only PATH and `env` in its environment (no credentials of the machine
 * running the tests reach the CLI); rejects, with its output, on a non-zero exit.
 */
export function run(file: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<Ran> {
  return promisify(execFile)(file, args, { cwd, env: { PATH: pathWithThisNode, ...env }, maxBuffer: 16 * 1024 * 1024 });
}

/**
 * `npm install` of local tarballs, as a user runs it, with this machine's npm settings (HOME, its cache and
 * registry) but none of the package-manager variables of the test run; no audit or funding notices.
 */
export function npmInstall(cwd: string, ...args: string[]): Promise<Ran> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(npm_|pnpm_|PNPM_)/i.test(name) && !/^(SMS_|HUAWEICLOUD_)/.test(name),
    ),
  );
  return promisify(execFile)('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...args], {
    cwd,
    env: { ...env, PATH: pathWithThisNode },
    maxBuffer: 16 * 1024 * 1024,
  });
}
