// What is inside each tarball the release script packs, read from the tarball itself: a package.json a user
// can install (no `workspace:` anywhere, the CLI on the client at exactly its version, no private devDependency),
// its README and the repository's LICENSE, no sources or tests; then publint (strict) and are-the-types-wrong
// on the same tarball.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { clientPackage, cliPackage, tarballOf } from './helpers.js';

const exec = promisify(execFile);
const bin = (name: string) => fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));
const repositoryLicense = readFileSync(new URL('../../../LICENSE', import.meta.url), 'utf8');

async function fileInTarball(tarball: string, path: string): Promise<string> {
  return (await exec('tar', ['-xzOf', tarball, `package/${path}`], { maxBuffer: 16 * 1024 * 1024 })).stdout;
}

/** GitHub's and npm's anchor for a heading: lower case, punctuation but `_` and `-` dropped, spaces as hyphens. */
function githubAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

interface Manifest {
  name: string;
  version: string;
  license: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

describe.each([clientPackage, cliPackage])('the %s tarball', (name) => {
  const { tarball, version, files } = tarballOf(name);

  it('has a package.json with no workspace: range and no private package of the repository', async () => {
    const text = await fileInTarball(tarball, 'package.json');
    expect(text).not.toContain('workspace:');
    const manifest = JSON.parse(text) as Manifest;
    expect(manifest.version).toBe(version);
    expect(
      Object.keys(manifest.devDependencies ?? {}).filter((dependency) =>
        ['@sms-errors/mock', '@sms-errors/spec'].includes(dependency),
      ),
    ).toEqual([]);
    if (name === cliPackage) {
      expect(manifest.dependencies?.[clientPackage]).toBe(tarballOf(clientPackage).version);
    }
  });

  it('carries the Apache-2.0 LICENSE of the repository and a README with install, an example and links that work where a registry shows it', async () => {
    const manifest = JSON.parse(await fileInTarball(tarball, 'package.json')) as Manifest;
    expect(manifest.license).toBe('Apache-2.0');
    expect(await fileInTarball(tarball, 'LICENSE')).toBe(repositoryLicense);
    expect(repositoryLicense).toContain('Apache License\n                           Version 2.0, January 2004');
    const readme = await fileInTarball(tarball, 'README.md');
    expect(readme).toMatch(new RegExp(`^# ${name.replace('/', '\\/')}`));
    expect(readme).toContain('## Install');
    expect(readme).toContain(`npm install`);
    expect(readme).toMatch(/```(ts|sh)\n/);
    // A registry shows the README without the repository around it: every link is absolute (and not to a
    // repository that does not exist), points at a file inside the tarball, or at a heading of the README.
    const headings = new Set([...readme.matchAll(/^#{1,6}\s+(.+)$/gm)].map(([, text]) => githubAnchor(text!)));
    for (const [, target] of readme.replace(/^```[\s\S]*?^```/gm, '').matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^https?:\/\//.test(target!)) {
        expect(target).not.toMatch(/github\.com\/sms-errors\b/i);
      } else if (target!.startsWith('#')) {
        expect(headings, `${name} README link ${target}`).toContain(target!.slice(1));
      } else {
        expect(files, `${name} README link ${target}`).toContain(target!.replace(/^\.\//, '').split('#')[0]);
      }
    }
  });

  it('ships the built code only: no sources, tests or TypeScript configs', () => {
    expect(files).toContain('package.json');
    expect(files.filter((file) => /^(src|test|scripts)\/|tsconfig|vitest/.test(file))).toEqual([]);
    if (name === clientPackage) {
      expect(files).toContain('dist/index.js');
      expect(files).toContain('dist/index.d.ts');
      expect(files).toContain('dist/browser/sms-errors-client.js');
    } else {
      expect(files).toContain('dist/cli.js');
      // A command has no types to offer.
      expect(files.filter((file) => file.endsWith('.d.ts'))).toEqual([]);
    }
  });

  it('passes publint (strict)', async () => {
    const { stdout } = await exec(bin('publint'), ['run', tarball, '--strict']);
    expect(stdout).toContain('All good!');
  });

  it('passes are-the-types-wrong', async () => {
    // attw's own TypeScript (5.6) predates require() of ESM (TypeScript 5.8, module nodenext), so it calls
    // every CommonJS resolution "ESM (dynamic import only)". Node 20.19+ does require() the client, and
    // installed.test.ts type-checks and runs a CommonJS consumer: that one rule is off, the rest strict.
    const { stdout } = await exec(bin('attw'), [tarball, '--ignore-rules', 'cjs-resolves-to-esm', '--format', 'table']);
    if (name === clientPackage) {
      expect(stdout).toContain('No problems found');
      expect(stdout).not.toMatch(/❌|💀|⚠️|🐛|❗️|🎭|🥴/u);
    } else {
      expect(stdout).toContain('This package does not contain types');
    }
  });
});
