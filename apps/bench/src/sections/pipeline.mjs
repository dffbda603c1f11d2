// Pipeline: the README's test command (`npm test`: pnpm install --frozen-lockfile, then turbo lint, typecheck,
// build and every test) in a fresh clone, cold (no turbo cache, no node_modules), then the same command again
// with no change (turbo cache hits), several times. A clone holds the COMMITTED state only: uncommitted work
// in the repository is not measured. The pnpm package store is the machine's (warm after the first install
// ever), so "cold" means a cold turbo cache and an empty node_modules, not an empty download cache.
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { figure, fmtSummary, summarize } from '../stats.mjs';

const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));
const STEP_TIMEOUT_MS = 45 * 60_000;

/** Runs a shell command in its own process group, logging to `log`; kills the whole group on timeout. */
function timed(command, cwd, log) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const out = createWriteStream(log, { flags: 'a' });
    out.write(`\n$ ${command}\n`);
    const child = spawn('bash', ['-c', command], {
      cwd,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CI: '1', FORCE_COLOR: '0' },
    });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    const timer = setTimeout(() => {
      try {
        // The whole process group (detached above): pnpm, turbo and every test they started.
        if (child.pid !== undefined) {
          process.kill(-child.pid, 'SIGKILL');
        }
      } catch {
        // already gone
      }
    }, STEP_TIMEOUT_MS);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      out.end();
      const ms = performance.now() - started;
      if (code === 0) {
        resolve(ms);
      } else {
        reject(new Error(`\`${command}\` failed (${signal ?? code}) after ${Math.round(ms / 1000)} s; log: ${log}`));
      }
    });
  });
}

export async function runPipeline({ runs }) {
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
  const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: repoRoot, encoding: 'utf8' }).trim() !== '';
  const scratch = mkdtempSync(join(tmpdir(), 'sms-bench-pipeline-'));
  const clone = join(scratch, 'clone');
  const log = join(scratch, 'pipeline.log');
  const figures = [];
  const details = { commit, uncommittedChangesNotMeasured: dirty };
  let keep = false;
  try {
    execFileSync('git', ['clone', '--quiet', repoRoot, clone]);
    const install = await timed('node scripts/pnpm.mjs install --frozen-lockfile', clone, log);
    const check = await timed('node scripts/pnpm.mjs run check', clone, log);
    let tests = '';
    if (existsSync(join(clone, 'scripts', 'count-test-results.mjs'))) {
      tests = execFileSync(process.execPath, ['scripts/count-test-results.mjs', '0'], {
        cwd: clone,
        encoding: 'utf8',
      }).trim();
    }
    const reruns = [];
    for (let run = 0; run < Math.max(3, Math.min(runs, 5)); run++) {
      reruns.push(await timed('npm test', clone, log));
    }
    details.coldMs = { install, check, total: install + check };
    details.rerunMs = reruns;
    details.tests = tests;
    const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
    figures.push(
      figure(
        `cold: fresh clone of ${commit}, install + build + test`,
        `${s(install + check)} (install ${s(install)}, lint+build+typecheck+test ${s(check)})${tests ? `, ${tests}` : ''}, 1 run`,
        'informative',
      ),
    );
    figures.push(
      figure(
        'no-change rerun of `npm test` (turbo cache hits)',
        fmtSummary(summarize(reruns.map((ms) => ms / 1000)), 's', 1),
        'informative',
      ),
    );
  } catch (error) {
    keep = true;
    throw new Error(`${error.message} (clone kept in ${scratch})`);
  } finally {
    if (!keep) {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
  return { figures, details };
}
