// The breaking-change gate: compares spec/openapi.yaml with the last released spec (spec/released/openapi.yaml)
// using `redocly diff` and Redocly's `diff-recommended` rules (redocly-diff.yaml), which rate every change as
// a major, minor or patch bump. A major (breaking) change passes only if info.version has a new major.
//
//   node scripts/check-breaking-changes.mjs [base] [revision]   (defaults: released/openapi.yaml openapi.yaml)
//
// Exit status 0: no breaking change, or the major was bumped. 1: a breaking change without a new major (each
// one is listed with the rule that caught it and where), or the version went backwards. 2: the diff failed.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import semver from 'semver';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const specDir = fileURLToPath(new URL('..', import.meta.url));

export const releasedSpecPath = join(specDir, 'released', 'openapi.yaml');
export const currentSpecPath = join(specDir, 'openapi.yaml');
export const diffConfigPath = join(specDir, 'redocly-diff.yaml');

/** The Redocly CLI entry point of the pinned @redocly/cli, run with the current Node. */
function redoclyBin() {
  const packageJson = require.resolve('@redocly/cli/package.json');
  const { bin } = require(packageJson);
  return join(dirname(packageJson), typeof bin === 'string' ? bin : bin.redocly);
}

/** The version, checked to be a semantic version (major.minor.patch); throws on anything else. */
export function checkedVersion(version) {
  const parsed = semver.parse(String(version));
  if (!parsed) {
    throw new Error(`info.version ${JSON.stringify(version)} is not a semantic version (major.minor.patch)`);
  }
  return parsed;
}

/**
 * Runs `redocly diff` between two descriptions and applies the gate.
 * @returns {Promise<{ ok: boolean, baseVersion: string, revisionVersion: string, bump: 'major'|'minor'|'patch'|'none',
 *   requiredVersion: string | undefined, breaking: { rule: string, message: string, where: string }[], problems: string[] }>}
 */
export async function checkBreakingChanges({ base = releasedSpecPath, revision = currentSpecPath } = {}) {
  const { stdout } = await run(
    process.execPath,
    [
      redoclyBin(),
      'diff',
      base,
      revision,
      '--config',
      diffConfigPath,
      '--format',
      'json',
      '--fail-on',
      'none',
      '--lint-config',
      'off',
    ],
    {
      cwd: specDir,
      maxBuffer: 64 * 1024 * 1024,
      env: {
        ...process.env,
        REDOCLY_TELEMETRY: 'off',
        REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
        REDOCLY_SUPPRESS_NOTIFICATIONS: 'true',
      },
    },
  );
  const report = JSON.parse(stdout);
  const baseVersion = report.infoVersions.base;
  const revisionVersion = report.infoVersions.revision;
  const breaking = report.changes.flatMap((change) =>
    change.verdicts
      .filter((verdict) => verdict.impact === 'major')
      .map((verdict) => ({
        rule: verdict.ruleId,
        message: verdict.message,
        where: verdict.location?.pointer ?? `${change.path}${change.property ? `/${change.property}` : ''}`,
      })),
  );
  const problems = [];
  const released = checkedVersion(baseVersion);
  const current = checkedVersion(revisionVersion);
  if (semver.lt(current, released)) {
    problems.push(`info.version went backwards: ${revisionVersion} is below the released ${baseVersion}`);
  }
  const newMajor = current.major > released.major;
  const requiredVersion = breaking.length > 0 ? semver.inc(released, 'major') : undefined;
  if (breaking.length > 0 && !newMajor) {
    problems.push(
      `${breaking.length} breaking change(s) against the released ${baseVersion}, but info.version is ${revisionVersion}: ` +
        `bump it to ${requiredVersion} (a new major) or undo the change`,
    );
  }
  const bump =
    report.summary.major > 0
      ? 'major'
      : report.summary.minor > 0
        ? 'minor'
        : report.summary.patch > 0
          ? 'patch'
          : 'none';
  return { ok: problems.length === 0, baseVersion, revisionVersion, bump, requiredVersion, breaking, problems };
}

/** The gate's verdict as text, one breaking change a line. */
export function formatResult(result, { base = releasedSpecPath, revision = currentSpecPath } = {}) {
  const lines = [
    `breaking-change gate: ${relative(process.cwd(), revision) || revision} (${result.revisionVersion}) against ${relative(process.cwd(), base) || base} (${result.baseVersion}): ` +
      `${result.bump === 'none' ? 'no change' : `changes need a ${result.bump} bump`}, ${result.breaking.length} breaking`,
    ...result.breaking.map((change) => `  ✖ ${change.rule}: ${change.message} at ${change.where}`),
    ...result.problems.map((problem) => `FAIL: ${problem}`),
  ];
  if (result.ok) {
    lines.push(result.breaking.length > 0 ? 'OK: breaking changes come with a new major' : 'OK: no breaking change');
  }
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [base, revision] = process.argv.slice(2);
  const paths = { base: base ?? releasedSpecPath, revision: revision ?? currentSpecPath };
  try {
    const result = await checkBreakingChanges(paths);
    console.log(formatResult(result, paths));
    process.exit(result.ok ? 0 : 1);
  } catch (error) {
    // Redocly's stderr opens with a boxed Node.js deprecation notice on Node 20: keep only the message.
    const detail = String(error.stderr || error.message)
      .split('\n')
      .filter((line) => line.trim() && !/[║╔╚]/.test(line))
      .join('\n');
    console.error(`breaking-change gate: the diff failed: ${detail}`);
    process.exit(2);
  }
}
