// The published package as a consumer gets it: lint of the package (publint, are-the-types-wrong), the
// tarball installed in a scratch project and used against the real mock, TypeScript consumers with
// node16 and bundler resolution, and the size budget of the bundled entry (printed).
import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { specErrorCodes } from './helpers/spec-facts.js';

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const bin = (name: string) => join(packageDir, 'node_modules', '.bin', name);

/** The budget of the issue: the bundled main entry, openapi-fetch included, min+gzip -9. */
const SIZE_BUDGET_BYTES = 6144;

async function bundledSize(entry: string): Promise<{ minified: number; gzipped: number; code: string }> {
  const result = await build({
    entryPoints: [join(packageDir, entry)],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  // gzip -9 itself, as the budget is stated (zlib's deflate gives a few bytes less).
  const gzip = spawnSync('gzip', ['-9', '-c'], { input: code });
  return { minified: code.byteLength, gzipped: gzip.stdout.byteLength, code: Buffer.from(code).toString('utf8') };
}

describe('package quality', () => {
  it('passes publint (strict)', async () => {
    const { stdout } = await run(bin('publint'), ['--pack', 'npm', '--strict'], { cwd: packageDir });
    expect(stdout).toContain('All good!');
  }, 60_000);

  it('passes are-the-types-wrong for an ESM-only package', async () => {
    // ESM only, as published: the CommonJS resolutions are ignored by the esm-only profile.
    // attw exits non-zero on any problem the profile does not ignore.
    const { stdout } = await run(bin('attw'), ['--pack', '.', '--profile', 'esm-only'], { cwd: packageDir });
    expect(stdout).toContain('@sms-errors/client');
    const unignoredProblems = stdout.split('\n').filter((line) => /❌|💀|⚠️/u.test(line) && !line.includes('(ignored'));
    expect(unignoredProblems).toEqual([]);
  }, 60_000);

  it(`keeps the bundled entry within ${SIZE_BUDGET_BYTES} bytes min+gzip (openapi-fetch included)`, async () => {
    const main = await bundledSize('dist/index.js');
    const extras = Object.fromEntries(
      await Promise.all(['decode-error-json', 'strict', 'credentials-from-env'].map(async (name) => [name, await bundledSize(`dist/${name}.js`)])),
    );
    console.log(
      [
        `size budget: @sms-errors/client entry ${main.gzipped} B min+gzip (${main.minified} B min) of ${SIZE_BUDGET_BYTES} B`,
        ...Object.entries(extras).map(([name, size]) => `  optional entry ${name}: ${(size as { gzipped: number }).gzipped} B min+gzip (bundled alone, shared code included)`),
      ].join('\n'),
    );
    expect(main.gzipped).toBeLessThanOrEqual(SIZE_BUDGET_BYTES);
  });

  it('keeps the error-code catalogue in @sms-errors/client/decode only, and prints that entry\'s size', async () => {
    const main = await bundledSize('dist/index.js');
    const decode = await bundledSize('dist/decode-error-json.js');
    const codes = Object.keys(specErrorCodes);
    console.log(
      `size: @sms-errors/client/decode entry ${decode.gzipped} B min+gzip (${decode.minified} B min), ` +
        `the whole catalogue of ${codes.length} codes included (bundled alone, the main entry's method)`,
    );
    // Every code, with its action, is in the decode bundle; no code and no message is in the main one.
    for (const code of codes) expect(decode.code).toContain(code);
    expect(decode.code).toContain(specErrorCodes['SMS.2802']!.action);
    expect(main.code).not.toMatch(/SMS\.\d{4}/);
    expect(main.code).not.toContain(specErrorCodes['SMS.2802']!.message);
  });
});

describe('the npm pack tarball in a scratch project', () => {
  let scratch: string;

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'sms-client-consumer-'));
    await run('npm', ['pack', '--pack-destination', scratch], { cwd: packageDir });
    const tarball = (await readdir(scratch)).find((file) => file.endsWith('.tgz'))!;
    await writeFile(join(scratch, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    await run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', `./${tarball}`], { cwd: scratch });
  }, 120_000);
  afterAll(() => rm(scratch, { recursive: true, force: true }));

  it('installs and lists the mock failed servers from a plain ESM script', async () => {
    await writeFile(
      join(scratch, 'list.mjs'),
      `import { createSmsClient } from '@sms-errors/client';
import { decodeErrorJson } from '@sms-errors/client/decode';
const client = createSmsClient({ baseUrl: process.argv[2], token: 'scratch-token' });
const page = await client.listMigrationErrors({ limit: 10 });
for (const server of page.migration_errors) console.log(server.name, decodeErrorJson(server.error_json).code);
`,
    );
    const { stdout } = await run(process.execPath, ['list.mjs', inject('mockUrl')], { cwd: scratch });
    expect(stdout.trim().split('\n')).toEqual(['sms-ubuntu SMS.1302', 'sms-win08 SMS.2802', 'sms-win16 SMS.1114', 'sms-centos SMS.3805']);
  });

  it.each(['node16', 'bundler'])('type-checks a TypeScript consumer with moduleResolution %s', async (resolution) => {
    const dir = join(scratch, resolution);
    await run('mkdir', ['-p', dir]);
    await writeFile(
      join(dir, 'index.ts'),
      `import { createSmsClient, SmsApiError, type MigrationError } from '@sms-errors/client';
import { decodeErrorJson } from '@sms-errors/client/decode';
import { credentialsFromEnv } from '@sms-errors/client/env';
import { strictResponses } from '@sms-errors/client/strict';
const client = createSmsClient({ region: 'cn-north-4', ...credentialsFromEnv(), strict: strictResponses });
const all: MigrationError[] = await client.listAllMigrationErrors({ enterpriseProjectId: 'x' }, { concurrency: 4 });
const code: string | undefined = decodeErrorJson(all[0]?.error_json).code;
// No narrowing needed to read the diagnosis of a decoded value.
const message: string = decodeErrorJson(all[0]?.error_json).message ?? 'unknown code';
const action: string | undefined = decodeErrorJson(all[0]?.error_json).action;
export { message, action };
export const isApiError = (e: unknown): e is SmsApiError => e instanceof SmsApiError;
export { code };
// @ts-expect-error wire names are not part of the client's query
await client.listMigrationErrors({ enterprise_project_id: 'x' });
`,
    );
    const module = resolution === 'node16' ? 'node16' : 'esnext';
    await writeFile(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, target: 'es2022', lib: ['es2022', 'dom'], module, moduleResolution: resolution, types: [], skipLibCheck: false },
        files: ['index.ts'],
      }),
    );
    await writeFile(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
    await expect(run(bin('tsc'), ['-p', dir])).resolves.toBeDefined();
  }, 60_000);
});
