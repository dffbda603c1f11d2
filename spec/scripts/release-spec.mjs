// Releases the spec: after info.version in openapi.yaml was bumped, checks the bump against the changes since
// the last release (the breaking-change gate, and the bump Redocly rates the changes at), then copies
// openapi.yaml to released/openapi.yaml and sets this package's version to info.version. Nothing is committed
// or tagged: the script prints the commands for that.
//
//   node scripts/release-spec.mjs [--dry-run]
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';
import { checkBreakingChanges, checkedVersion, formatResult } from './check-breaking-changes.mjs';

/** The smallest version the changes allow: a new major for breaking changes, a new minor for additions, ... */
export function requiredVersion(released, bump) {
  const version = checkedVersion(released);
  return bump === 'none' ? version.version : semver.inc(version, bump);
}

/**
 * Releases the spec in `specDir` (default: this package). Returns the released version, or throws with what
 * to do when the spec is not ready (version not bumped, or bumped less than its changes need).
 */
export async function releaseSpec({
  specDir = fileURLToPath(new URL('..', import.meta.url)),
  dryRun = false,
  log = console.log,
} = {}) {
  const revision = join(specDir, 'openapi.yaml');
  const base = join(specDir, 'released', 'openapi.yaml');
  const result = await checkBreakingChanges({ base, revision });
  log(formatResult(result, { base, revision }));
  if (result.bump === 'none') {
    throw new Error(`nothing to release: openapi.yaml is the released ${result.baseVersion}`);
  }
  const minimum = requiredVersion(result.baseVersion, result.bump);
  if (result.revisionVersion === result.baseVersion) {
    throw new Error(
      `info.version is still the released ${result.baseVersion}: set it to ${minimum} or above (the changes need a ${result.bump} bump)`,
    );
  }
  if (!result.ok) {
    throw new Error(result.problems.join('; '));
  }
  if (semver.lt(result.revisionVersion, minimum)) {
    throw new Error(
      `info.version ${result.revisionVersion} is below ${minimum}, which the changes need (a ${result.bump} bump)`,
    );
  }
  if (!dryRun) {
    await copyFile(revision, base);
    const packageJsonPath = join(specDir, 'package.json');
    const packageJson = JSON.parse(await readFile(packageJsonPath, 'utf8'));
    packageJson.version = result.revisionVersion;
    await writeFile(packageJsonPath, `${JSON.stringify(packageJson, null, 2)}\n`);
  }
  log(
    `${dryRun ? '(dry run) would release' : 'released'} spec ${result.revisionVersion}: released/openapi.yaml and package.json updated.\n` +
      `Next: commit both with the spec change and tag it:\n  git commit -am "Release spec ${result.revisionVersion}" && git tag spec-v${result.revisionVersion}`,
  );
  return result.revisionVersion;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    await releaseSpec({ dryRun: process.argv.includes('--dry-run') });
  } catch (error) {
    console.error(`release-spec: ${error.message}`);
    process.exit(1);
  }
}
