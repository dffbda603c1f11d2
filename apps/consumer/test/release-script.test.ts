// The release script's checks and its version step, on a copy of the two manifests in a scratch folder (its
// `pack` is what global-setup.ts runs on the real workspace): the versions must agree and move together, the
// CLI must take the client through `workspace:*`, and a packed manifest that a user could not install is
// refused.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientPackage, cliPackage } from './helpers.js';

interface ReleaseScript {
  releasedPackages: string[];
  releaseProblems(root: string): string[];
  setVersion(version: string, root: string): string;
  packedManifestProblems(packed: Record<string, unknown>, version: string, names: string[]): string[];
}

const workspaceRoot = fileURLToPath(new URL('../../../', import.meta.url));
const script = (await import(pathToFileURL(join(workspaceRoot, 'scripts/release-packages.mjs')).href)) as ReleaseScript;

let root: string;
const manifestPath = (dir: string) => join(root, dir, 'package.json');
const readManifest = (dir: string) =>
  JSON.parse(readFileSync(manifestPath(dir), 'utf8')) as Record<string, unknown> & {
    version: string;
    dependencies: Record<string, string>;
  };
const writeManifest = (dir: string, manifest: unknown) => writeFileSync(manifestPath(dir), JSON.stringify(manifest));

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'sms-errors-release-'));
  cpSync(join(workspaceRoot, 'LICENSE'), join(root, 'LICENSE'));
  for (const dir of script.releasedPackages) {
    mkdirSync(join(root, dir), { recursive: true });
    for (const file of ['package.json', 'README.md', 'LICENSE']) {
      cpSync(join(workspaceRoot, dir, file), join(root, dir, file));
    }
  }
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const [clientDir, cliDir] = ['packages/client', 'packages/cli'] as const;

describe('release-packages check', () => {
  it('passes on the workspace as committed', () => {
    expect(script.releasedPackages).toEqual([clientDir, cliDir]);
    expect(script.releaseProblems(root)).toEqual([]);
    expect(script.releaseProblems(workspaceRoot)).toEqual([]);
  });

  it('refuses versions that differ', () => {
    writeManifest(cliDir, { ...readManifest(cliDir), version: '9.9.9' });
    expect(script.releaseProblems(root).join('\n')).toMatch(/versions differ/);
  });

  it('refuses a CLI that takes the client from a range instead of workspace:*', () => {
    const cli = readManifest(cliDir);
    writeManifest(cliDir, { ...cli, dependencies: { ...cli.dependencies, [clientPackage]: '^0.1.0' } });
    expect(script.releaseProblems(root).join('\n')).toContain(
      `${cliPackage} must depend on ${clientPackage} as "workspace:*"`,
    );
  });

  it("refuses a package without its LICENSE, or with a LICENSE that is not the repository's", () => {
    writeFileSync(join(root, clientDir, 'LICENSE'), 'MIT');
    rmSync(join(root, cliDir, 'LICENSE'));
    const problems = script.releaseProblems(root).join('\n');
    expect(problems).toContain(`${clientPackage}: LICENSE differs`);
    expect(problems).toContain(`${cliPackage} has no LICENSE`);
  });
});

describe('release-packages version', () => {
  it('moves both versions together', () => {
    const current = readManifest(clientDir).version;
    const next = current.replace(
      /^(\d+)\.(\d+)\.(\d+).*$/,
      (_all, major: string, minor: string) => `${major}.${Number(minor) + 1}.0`,
    );
    expect(script.setVersion(next, root)).toBe(next);
    expect([readManifest(clientDir).version, readManifest(cliDir).version]).toEqual([next, next]);
    // The CLI keeps workspace:*, which packing turns into exactly `next`.
    expect(readManifest(cliDir).dependencies[clientPackage]).toBe('workspace:*');
    expect(script.releaseProblems(root)).toEqual([]);
  });

  it('refuses a version that is not semver or not above the current one', () => {
    const current = readManifest(clientDir).version;
    expect(() => script.setVersion('1.2', root)).toThrow(/not a semantic version/);
    expect(() => script.setVersion(current, root)).toThrow(/not above/);
    expect(() => script.setVersion('0.0.1', root)).toThrow(/not above/);
    expect(readManifest(clientDir).version).toBe(current);
  });
});

describe('the packed-manifest check', () => {
  const names = [clientPackage, cliPackage];
  it('refuses what a user could not install: workspace:, another version of the client, a private devDependency', () => {
    expect(
      script.packedManifestProblems(
        { name: cliPackage, version: '1.0.0', dependencies: { [clientPackage]: '1.0.0' } },
        '1.0.0',
        names,
      ),
    ).toEqual([]);
    expect(
      script
        .packedManifestProblems(
          { name: cliPackage, version: '1.0.0', dependencies: { [clientPackage]: 'workspace:*' } },
          '1.0.0',
          names,
        )
        .join('\n'),
    ).toContain('workspace:');
    expect(
      script
        .packedManifestProblems(
          { name: cliPackage, version: '1.0.0', dependencies: { [clientPackage]: '^1.0.0' } },
          '1.0.0',
          names,
        )
        .join('\n'),
    ).toContain('not exactly 1.0.0');
    expect(
      script
        .packedManifestProblems(
          { name: clientPackage, version: '1.0.0', devDependencies: { '@sms-errors/mock': '0.1.0' } },
          '1.0.0',
          names,
        )
        .join('\n'),
    ).toContain('not published');
  });
});
