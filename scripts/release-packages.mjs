// Releases the two published packages, @sms-errors/client and @sms-errors/cli, whose versions move together
// (the CLI depends on the client at exactly its own version).
//
//   node scripts/release-packages.mjs check             the versions agree and both are ready to pack
//   node scripts/release-packages.mjs version <x.y.z>   sets both versions (must be a higher semver)
//   node scripts/release-packages.mjs pack [--out DIR] [--json]
//                                                       packs both with pnpm and checks the tarballs
//
// Packing goes through pnpm, as publishing does: it replaces the CLI's `workspace:*` dependency on the
// client by the client's exact version, and the workspace's .pnpmfile.mjs leaves out devDependencies on the
// repository's private packages. `pack` then reads the package.json inside each tarball and refuses one
// that still says `workspace:` anywhere, disagrees on the version, or lacks its README.md or LICENSE.
// Nothing is published, committed or tagged here: the root README gives those steps.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';

const workspaceRoot = fileURLToPath(new URL('..', import.meta.url));

/** The published packages, the client first (the CLI depends on it). */
export const releasedPackages = ['packages/client', 'packages/cli'];

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

/** Each released package's directory and package.json. */
export function readReleased(root = workspaceRoot) {
  return releasedPackages.map((dir) => ({ dir: join(root, dir), manifest: readJson(join(root, dir, 'package.json')) }));
}

/** Why the workspace is not ready to pack (an empty list when it is). */
export function releaseProblems(root = workspaceRoot) {
  const released = readReleased(root);
  const problems = [];
  const versions = new Set(released.map(({ manifest }) => manifest.version));
  if (versions.size !== 1) {
    problems.push(
      `the versions differ (${released.map(({ manifest }) => `${manifest.name} ${manifest.version}`).join(', ')}): run \`version <x.y.z>\``,
    );
  }
  const names = new Set(released.map(({ manifest }) => manifest.name));
  for (const { dir, manifest } of released) {
    if (!semver.valid(manifest.version)) {
      problems.push(`${manifest.name}: ${JSON.stringify(manifest.version)} is not a semantic version`);
    }
    if (manifest.private) {
      problems.push(`${manifest.name} is private`);
    }
    // A released package on another released one by `workspace:*`, which pnpm packs as the exact version.
    for (const [name, range] of Object.entries(manifest.dependencies ?? {})) {
      if (names.has(name) && range !== 'workspace:*') {
        problems.push(`${manifest.name} must depend on ${name} as "workspace:*" (it is ${JSON.stringify(range)})`);
      }
    }
    for (const file of ['README.md', 'LICENSE']) {
      if (!existsSync(join(dir, file))) {
        problems.push(`${manifest.name} has no ${file}`);
      }
    }
    if (
      existsSync(join(dir, 'LICENSE')) &&
      readFileSync(join(dir, 'LICENSE'), 'utf8') !== readFileSync(join(root, 'LICENSE'), 'utf8')
    ) {
      problems.push(`${manifest.name}: LICENSE differs from the repository's LICENSE`);
    }
  }
  return problems;
}

/** Sets both versions to `version`, which must be a semantic version above the current one. */
export function setVersion(version, root = workspaceRoot) {
  const released = readReleased(root);
  if (!semver.valid(version)) {
    throw new Error(`${JSON.stringify(version)} is not a semantic version (such as 1.2.3 or 1.3.0-rc.1)`);
  }
  const current = released
    .map(({ manifest }) => manifest.version)
    .filter((v) => semver.valid(v))
    .sort(semver.rcompare)[0];
  if (current !== undefined && !semver.gt(version, current)) {
    throw new Error(`${version} is not above the current ${current}`);
  }
  for (const { dir, manifest } of released) {
    manifest.version = version;
    writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  }
  return version;
}

/** The pnpm this workspace pins (`packageManager`), through npx, as the README's commands run it. */
function pnpm(args, cwd, root) {
  const pinned = readJson(join(root, 'package.json')).packageManager;
  return execFileSync('npx', ['-y', pinned, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Why a packed manifest could not be installed from outside the workspace (an empty list when it can). */
export function packedManifestProblems(packed, version, names) {
  const problems = [];
  if (JSON.stringify(packed).includes('workspace:')) {
    problems.push(`${packed.name}: the packed package.json still says "workspace:"`);
  }
  if (packed.version !== version) {
    problems.push(`${packed.name}: packed as ${packed.version}, not ${version}`);
  }
  for (const [name, range] of Object.entries(packed.dependencies ?? {})) {
    if (names.includes(name) && range !== version) {
      problems.push(`${packed.name}: depends on ${name} ${range}, not exactly ${version}`);
    }
  }
  for (const name of Object.keys(packed.devDependencies ?? {})) {
    if (name.startsWith('@sms-errors/')) {
      problems.push(`${packed.name}: devDependency ${name} is not published`);
    }
  }
  return problems;
}

/** Packs both packages into `outDir` and checks each tarball; returns [{ name, version, tarball, files }]. */
export function packReleased(outDir, root = workspaceRoot) {
  const problems = releaseProblems(root);
  if (problems.length > 0) {
    throw new Error(problems.join('; '));
  }
  mkdirSync(outDir, { recursive: true });
  const released = readReleased(root);
  const names = released.map(({ manifest }) => manifest.name);
  const version = released[0].manifest.version;
  const results = released.map(({ dir }) => {
    const report = JSON.parse(pnpm(['pack', '--pack-destination', outDir, '--json'], dir, root));
    const tarball = report.filename;
    const packed = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
    const files = report.files.map((file) => file.path);
    const missing = ['package.json', 'README.md', 'LICENSE'].filter((file) => !files.includes(file));
    const packProblems = [
      ...packedManifestProblems(packed, version, names),
      ...missing.map((file) => `${packed.name}: the tarball has no ${file}`),
    ];
    if (packProblems.length > 0) {
      throw new Error(packProblems.join('; '));
    }
    return { name: packed.name, version: packed.version, tarball, files };
  });
  return results;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [command, ...rest] = process.argv.slice(2);
  try {
    if (command === 'check') {
      const problems = releaseProblems();
      if (problems.length > 0) {
        throw new Error(problems.join('\n  '));
      }
      const [{ manifest }] = readReleased();
      console.log(`release-packages: ${releasedPackages.join(' and ')} are both at ${manifest.version}, ready to pack`);
    } else if (command === 'version' && rest.length === 1) {
      const version = setVersion(rest[0]);
      console.log(
        `release-packages: ${releasedPackages.join(' and ')} are now at ${version}.\nNext: npm test, then commit and tag: git commit -am "Release ${version}" && git tag v${version}`,
      );
    } else if (command === 'pack') {
      const out = rest.indexOf('--out');
      const outDir = resolve(out >= 0 && rest[out + 1] ? rest[out + 1] : join(workspaceRoot, 'dist', 'packages'));
      const results = packReleased(outDir);
      if (rest.includes('--json')) {
        console.log(JSON.stringify(results));
      } else {
        for (const { name, version, tarball } of results) {
          console.log(`${name} ${version}: ${tarball}`);
        }
      }
    } else {
      console.error('usage: node scripts/release-packages.mjs check | version <x.y.z> | pack [--out DIR] [--json]');
      process.exit(2);
    }
  } catch (error) {
    console.error(`release-packages: ${error.message}`);
    process.exit(1);
  }
}
