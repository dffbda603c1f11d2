// CI's compatibility step: after the main run (Node 20, the machine's), runs every workspace package's vitest
// suite again on Node 22 and on Node 24, against the same build. Each Node is fetched with
// `npx -y node@<major>` and used directly: its binary runs vitest, and its directory goes first on PATH so
// that anything the tests spawn (`node`, npm's and the tools' `#!/usr/bin/env node` scripts) runs on it too.
// Reports go to test-results/node<major>/<package>.json at the root, which count-test-results.mjs adds to
// the total. Exits non-zero if any suite fails on any Node.
//
//   node scripts/test-other-nodes.mjs [majors...]      (default: 22 24, or CI_EXTRA_NODE_MAJORS="22 24")
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const majors =
  process.argv.slice(2).length > 0
    ? process.argv.slice(2)
    : (process.env.CI_EXTRA_NODE_MAJORS ?? '22 24').split(/\s+/).filter(Boolean);

/** Workspace packages whose `test` script runs vitest, in a stable order. */
function testedPackages() {
  const dirs = [
    'spec',
    ...['packages', 'apps'].flatMap((group) =>
      existsSync(join(root, group))
        ? readdirSync(join(root, group))
            .sort()
            .map((name) => join(group, name))
        : [],
    ),
  ];
  return dirs.filter((dir) => {
    const manifest = join(root, dir, 'package.json');
    if (!existsSync(manifest)) {
      return false;
    }
    const { scripts = {} } = JSON.parse(readFileSync(manifest, 'utf8'));
    return /\bvitest\b/.test(scripts.test ?? '');
  });
}

/** The node binary of the latest release of `major`, through npx (cached after the first download). */
function nodeBinary(major) {
  const bin =
    execFileSync('npx', ['-y', `node@${major}`, '-p', 'process.execPath'], { cwd: root, encoding: 'utf8' })
      .trim()
      .split('\n')
      .at(-1) ?? '';
  const version = execFileSync(bin, ['-v'], { encoding: 'utf8' }).trim();
  if (!version.startsWith(`v${major}.`)) {
    throw new Error(`npx -y node@${major} gave ${bin}, which is ${version}`);
  }
  return { bin, version };
}

function runSuite(bin, major, dir, report) {
  const vitest = join(
    dirname(createRequire(join(root, dir, 'package.json')).resolve('vitest/package.json')),
    'vitest.mjs',
  );
  return new Promise((resolve) => {
    const child = spawn(bin, [vitest, 'run', `--outputFile.json=${report}`], {
      cwd: join(root, dir),
      stdio: 'inherit',
      // SMS_ERRORS_OTHER_NODE lets a suite leave out what cannot differ by Node version (the docs' accessibility
      // audit runs in Chromium on a built page) and would only double CI's time.
      env: { ...process.env, PATH: `${dirname(bin)}${delimiter}${process.env.PATH}`, SMS_ERRORS_OTHER_NODE: major },
    });
    child.once('exit', (code, signal) => resolve(code === 0 && signal === null));
  });
}

const summary = [];
let ok = true;
for (const major of majors) {
  const reportsDir = join(root, 'test-results', `node${major}`);
  rmSync(reportsDir, { recursive: true, force: true });
  mkdirSync(reportsDir, { recursive: true });
  let node;
  try {
    node = nodeBinary(major);
  } catch (error) {
    console.error(`test-other-nodes: could not get Node ${major}: ${error.message}`);
    summary.push(`Node ${major}: not available`);
    ok = false;
    continue;
  }
  const started = Date.now();
  console.log(`\n== test-other-nodes: every suite on Node ${node.version} (${node.bin})`);
  for (const dir of testedPackages()) {
    const name = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')).name.replace(/^@[^/]+\//, '');
    const report = join(reportsDir, `${name}.json`);
    console.log(`\n-- ${dir} on Node ${node.version}`);
    const passed = await runSuite(node.bin, major, dir, report);
    let counts = 'no report';
    if (existsSync(report)) {
      const results = JSON.parse(readFileSync(report, 'utf8'));
      counts = `${results.numPassedTests} passed, ${results.numFailedTests} failed`;
    }
    summary.push(`Node ${node.version} ${dir}: ${passed ? 'ok' : 'FAILED'} (${counts})`);
    ok &&= passed;
  }
  summary.push(`Node ${node.version}: ${Math.round((Date.now() - started) / 1000)} s`);
}
console.log(`\n== test-other-nodes\n${summary.map((line) => `  ${line}`).join('\n')}`);
process.exit(ok ? 0 : 1);
