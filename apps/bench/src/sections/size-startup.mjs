// Size and start-up, for our client and the official Huawei Node SDK core (@huaweicloud/huaweicloud-sdk-core).
//
// Size: the entry bundled with esbuild (--bundle --minify --format=esm), then gzip -9: the method of
// packages/client/test/package.test.ts (platform neutral, the budget's method). The SDK is Node-only (it
// requires crypto, http, ...), so it is bundled with platform node; our client is measured that way too.
// Two SDK rows: its main entry (credentials and regions only: it cannot send a request), and that plus
// ClientBuilder and HcClient, which every SDK service client loads to sign and send a request.
//
// Start-up: wall time of a fresh `node` process that loads the entry and exits, against a bare `node -e 0`,
// interleaved run by run; also the import's own time measured inside the process.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { figure, fmt, fmtSummary, summarize } from '../stats.mjs';

const require = createRequire(import.meta.url);
const benchDir = fileURLToPath(new URL('../..', import.meta.url));
// The client's size budget, as its size test reads it.
const SIZE_TARGET = require(
  join(dirname(require.resolve('@sms-errors/client/package.json')), 'size-budget.json'),
).maxGzipBytes;
const STARTUP_TARGET_MS = 15;
const SDK = '@huaweicloud/huaweicloud-sdk-core';
const SDK_SENDING = `export * from '${SDK}'; export { ClientBuilder } from '${SDK}/ClientBuilder'; export { HcClient } from '${SDK}/HcClient';`;

/** `stdin` bundled and minified by esbuild for `platform`, then gzip -9: the method of the client's size-budget test. */
export async function bundledSize(stdin, platform) {
  const result = await build({
    stdin: { contents: stdin, resolveDir: benchDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform,
    write: false,
    logLevel: 'silent',
    metafile: true,
  });
  const code = result.outputFiles[0].contents;
  const gzip = spawnSync('gzip', ['-9', '-c'], { input: code });
  return {
    minified: code.byteLength,
    gzipped: gzip.stdout.byteLength,
    modules: Object.keys(result.metafile.inputs).length,
  };
}

/** The package directory of `name` as Node would find it from `fromDir` (node_modules lookup, links followed). */
function findPackageDir(name, fromDir) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) {
      return realpathSync(candidate);
    }
    if (dirname(dir) === dir) {
      return undefined;
    }
  }
}

/** Packages and bytes on disk of a package and its whole runtime dependency tree. */
function installedTree(packageName, fromDir = benchDir) {
  const seen = new Set();
  const queue = [findPackageDir(packageName, fromDir)];
  while (queue.length > 0) {
    const dir = queue.pop();
    if (!dir || seen.has(dir)) {
      continue;
    }
    seen.add(dir);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    for (const dependency of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) {
      queue.push(findPackageDir(dependency, dir));
    }
  }
  const du = spawnSync('du', ['-scb', ...seen], { encoding: 'utf8' });
  const total = du.stdout.trim().split('\n').at(-1) ?? '';
  return { packages: seen.size, bytes: Number(total.split('\t')[0]) };
}

/** Our client as npm installs it: the packed package (unpacked size) plus openapi-fetch's tree. */
function installedClient() {
  const clientDir = dirname(require.resolve('@sms-errors/client/package.json'));
  const pack = spawnSync('npm', ['pack', '--dry-run', '--json'], { cwd: clientDir, encoding: 'utf8' });
  const { unpackedSize } = JSON.parse(pack.stdout)[0];
  const dependencies = installedTree('openapi-fetch', clientDir);
  return { packages: 1 + dependencies.packages, bytes: unpackedSize + dependencies.bytes };
}

/** Wall time of one fresh node process, in ms. */
function timeProcess(args) {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: benchDir, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (result.status !== 0) {
    throw new Error(`node ${args.join(' ')} failed: ${result.stderr}`);
  }
  return { ms, stdout: result.stdout };
}

export async function runSizeStartup({ runs, quick }) {
  const figures = [];
  const details = {};

  const sizes = {
    'our client, platform neutral (budget method)': await bundledSize(`export * from '@sms-errors/client';`, 'neutral'),
    'our client, platform node': await bundledSize(`export * from '@sms-errors/client';`, 'node'),
    'SDK core main entry (credentials, regions)': await bundledSize(`export * from '${SDK}';`, 'node'),
    'SDK core + ClientBuilder + HcClient (what sends a request)': await bundledSize(SDK_SENDING, 'node'),
  };
  details.sizes = sizes;
  for (const [name, size] of Object.entries(sizes)) {
    const ours = name.startsWith('our client, platform neutral');
    figures.push(
      figure(
        `bundle min+gzip: ${name}`,
        `${size.gzipped.toLocaleString('en-US')} B (${size.minified.toLocaleString('en-US')} B min, ${size.modules} modules)`,
        ours ? `<= ${SIZE_TARGET.toLocaleString('en-US')} B` : 'comparison',
        ours ? size.gzipped <= SIZE_TARGET : undefined,
      ),
    );
  }
  // The catalogue's entries: English (/decode), and both languages (/decode/zh), which only readers of
  // Chinese load; neither is part of the main entry or its budget.
  const catalogueSizes = {
    '@sms-errors/client/decode (the catalogue in English)': await bundledSize(
      `export * from '@sms-errors/client/decode';`,
      'neutral',
    ),
    '@sms-errors/client/decode/zh (the catalogue in English and Chinese)': await bundledSize(
      `export * from '@sms-errors/client/decode/zh';`,
      'neutral',
    ),
  };
  details.catalogueSizes = catalogueSizes;
  for (const [name, size] of Object.entries(catalogueSizes)) {
    figures.push(
      figure(
        `bundle min+gzip: ${name}, platform neutral`,
        `${size.gzipped.toLocaleString('en-US')} B (${size.minified.toLocaleString('en-US')} B min, ${size.modules} modules)`,
        'informative (the main entry does not include it)',
      ),
    );
  }
  details.installed = { sdkCore: installedTree(SDK), client: installedClient() };

  const startupRuns = quick ? 7 : Math.max(15, runs * 3);
  const variants = {
    'bare node -e 0': ['-e', '0'],
    'our client (import)': ['--input-type=module', '-e', `import '@sms-errors/client'`],
    'SDK core main entry (require)': ['-e', `require('${SDK}')`],
    'SDK core + ClientBuilder + HcClient (require)': [
      '-e',
      `require('${SDK}'); require('${SDK}/ClientBuilder'); require('${SDK}/HcClient')`,
    ],
  };
  const inProcess = {
    'our client (import)': [
      '--input-type=module',
      '-e',
      `const t = performance.now(); await import('@sms-errors/client'); console.log(performance.now() - t)`,
    ],
    'SDK core + ClientBuilder + HcClient (require)': [
      '-e',
      `const t = performance.now(); require('${SDK}'); require('${SDK}/ClientBuilder'); require('${SDK}/HcClient'); console.log(performance.now() - t)`,
    ],
  };
  /** @type {Record<string, number[]>} */
  const wall = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
  /** @type {Record<string, number[]>} */
  const own = Object.fromEntries(Object.keys(inProcess).map((name) => [name, []]));
  for (const args of Object.values(variants)) {
    timeProcess(args); // warm the file cache
  }
  for (let run = 0; run < startupRuns; run++) {
    for (const [name, args] of Object.entries(variants)) {
      wall[name].push(timeProcess(args).ms);
    }
    for (const [name, args] of Object.entries(inProcess)) {
      own[name].push(Number(timeProcess(args).stdout.trim()));
    }
  }
  details.startupMs = { wall, inProcess: own };
  const baseline = wall['bare node -e 0'];
  figures.push(figure('start-up: bare node -e 0', fmtSummary(summarize(baseline), 'ms', 1), 'baseline'));
  for (const name of Object.keys(variants).slice(1)) {
    const above = summarize(wall[name].map((ms, run) => ms - baseline[run]));
    const ours = name.startsWith('our client');
    const inside = own[name] ? `; import itself ${fmt(summarize(own[name]).median, 1)} ms in-process` : '';
    figures.push(
      figure(
        `start-up above node -e 0: ${name}`,
        `${fmtSummary(above, 'ms', 1)}${inside}`,
        ours ? `<= ${STARTUP_TARGET_MS} ms above node -e 0` : 'comparison',
        ours ? above.median <= STARTUP_TARGET_MS : undefined,
      ),
    );
  }
  /** @type {[string, { packages: number, bytes: number }][]} */
  const trees = [
    ['our client', details.installed.client],
    ['SDK core', details.installed.sdkCore],
  ];
  for (const [name, tree] of trees) {
    figures.push(
      figure(
        `installed: ${name} and its runtime dependencies`,
        `${tree.packages} packages, ${fmt(tree.bytes / 1e6, 1)} MB on disk (everything the packages ship)`,
        'comparison',
      ),
    );
  }
  return { figures, details };
}
