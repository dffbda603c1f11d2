// The two tarballs installed with plain npm from outside the workspace, as a new user installs them: both
// together into an empty folder; the CLI alone once the client is installed beside it; both globally, as the
// README says. Then the installed `sms-errors` (help, version, a listing of the real mock), require() of
// every client entry, and a TypeScript consumer type-checked under nodenext and bundler, compiled and run
// against the mock. Every command runs on the Node that runs the tests (20, 22 or 24 in CI).
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { clientPackage, cliPackage, npmInstall, run, tarballOf } from './helpers.js';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
/** What the mock's example page holds, as the consumer prints it (`name code`). */
const mockPage = ['sms-ubuntu SMS.1302', 'sms-win08 SMS.2802', 'sms-win16 SMS.1114', 'sms-centos SMS.3805'];

const scratchDirs: string[] = [];
async function scratch(name: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `sms-errors-${name}-`));
  scratchDirs.push(dir);
  return dir;
}
afterAll(() => Promise.all(scratchDirs.map((dir) => rm(dir, { recursive: true, force: true }))));

describe('both tarballs, installed together with npm into an empty folder', () => {
  let project: string;
  const sms = (args: string[], env: Record<string, string> = {}) =>
    run(join(project, 'node_modules', '.bin', 'sms-errors'), args, project, env);

  beforeAll(async () => {
    project = await scratch('consumer');
    await npmInstall(project, tarballOf(clientPackage).tarball, tarballOf(cliPackage).tarball);
    for (const file of ['consumer.mts', 'consumer.cts', 'run-consumer.mjs', 'require-every-entry.cjs']) {
      await copyFile(join(fixtures, file), join(project, file));
    }
  });

  it('installs the client at the version the CLI was packed with, and nothing from the workspace', async () => {
    const installed = async (name: string) =>
      JSON.parse(await readFile(join(project, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
    expect((await installed(clientPackage)).version).toBe(tarballOf(clientPackage).version);
    expect((await installed(cliPackage)).version).toBe(tarballOf(cliPackage).version);
    const lock = await readFile(join(project, 'package-lock.json'), 'utf8');
    expect(lock).not.toContain('workspace:');
    expect(lock).not.toContain('@sms-errors/mock');
  });

  it('runs the installed sms-errors: --help and --version', async () => {
    const help = await sms(['--help']);
    expect(help.stdout).toContain('sms-errors list');
    expect(help.stderr).toBe('');
    expect((await sms(['--version'])).stdout).toBe(`${cliPackage} ${tarballOf(cliPackage).version}\n`);
  });

  it('runs the installed sms-errors list against the mock, with a token and with AK/SK from the environment', async () => {
    const table = await sms(['list', '--endpoint', inject('mockUrl')], { SMS_AUTH_TOKEN: 'consumer-token' });
    const rows = table.stdout.trim().split('\n');
    expect(rows[0]).toMatch(/^NAME\s+HOST NAME\s+SOURCE IP/);
    expect(rows.slice(1, -1).map((row) => row.split(/\s+/)[0])).toEqual(mockPage.map((line) => line.split(' ')[0]));
    expect(rows.at(-1)).toBe(`showing ${mockPage.length} of ${mockPage.length} failed source servers`);

    const signed = await sms(['list', '--endpoint', inject('mockUrl'), '--json', '--project-id', 'consumer-project'], {
      HUAWEICLOUD_SDK_AK: 'consumer-ak',
      HUAWEICLOUD_SDK_SK: 'consumer-sk',
    });
    const body = JSON.parse(signed.stdout) as { migration_errors: { name: string; decoded: { code: string } }[] };
    expect(body.migration_errors.map((server) => `${server.name} ${server.decoded.code}`)).toEqual(mockPage);
  });

  it('require()s every entry of the client, with the same names as import()', async () => {
    const { stdout } = await run(process.execPath, ['require-every-entry.cjs'], project);
    const entries = JSON.parse(stdout) as Record<string, { required: string[]; imported: string[] }>;
    expect(Object.keys(entries)).toContain(clientPackage);
    expect(Object.keys(entries).length).toBeGreaterThan(1);
    for (const [entry, { required, imported }] of Object.entries(entries)) {
      expect(required.length, entry).toBeGreaterThan(0);
      expect(required, entry).toEqual(imported);
    }
    expect(entries[clientPackage]?.required).toContain('createSmsClient');
  });

  it.each(['nodenext', 'bundler'])(
    'type-checks a TypeScript consumer under moduleResolution %s, then runs it against the mock',
    async (resolution) => {
      const outDir = `out-${resolution}`;
      const files = resolution === 'nodenext' ? ['consumer.mts', 'consumer.cts'] : ['consumer.mts'];
      const tsconfig = `tsconfig.${resolution}.json`;
      await writeFile(
        join(project, tsconfig),
        JSON.stringify({
          compilerOptions: {
            strict: true,
            target: 'es2022',
            lib: ['es2022', 'dom'],
            module: resolution === 'nodenext' ? 'nodenext' : 'esnext',
            moduleResolution: resolution,
            types: [],
            skipLibCheck: false,
            outDir,
          },
          files,
        }),
      );
      await run(process.execPath, [tsc, '-p', tsconfig], project);

      const esm = await run(
        process.execPath,
        ['run-consumer.mjs', join(outDir, 'consumer.mjs'), inject('mockUrl')],
        project,
      );
      expect(esm.stdout.trim().split('\n')).toEqual([
        ...mockPage,
        'refused limit',
        'api error 403',
        'credentials from an empty environment: 0',
      ]);
      if (resolution === 'nodenext') {
        // The CommonJS build: its require() of the client is what runs.
        expect(await readFile(join(project, outDir, 'consumer.cjs'), 'utf8')).toContain(
          'require("@sms-errors/client")',
        );
        const cjs = await run(
          process.execPath,
          ['run-consumer.mjs', join(outDir, 'consumer.cjs'), inject('mockUrl')],
          project,
        );
        expect(cjs.stdout.trim().split('\n')).toEqual(mockPage);
      }
    },
  );
});

describe('the CLI tarball alone, once the client is installed beside it', () => {
  it('installs and runs', async () => {
    const project = await scratch('cli-alone');
    await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'cli-alone', private: true }));
    await npmInstall(project, tarballOf(clientPackage).tarball);
    await npmInstall(project, tarballOf(cliPackage).tarball);
    const { stdout } = await run(
      join(project, 'node_modules', '.bin', 'sms-errors'),
      ['list', '--endpoint', inject('mockUrl'), '--limit', '1'],
      project,
      {
        SMS_AUTH_TOKEN: 'consumer-token',
      },
    );
    expect(stdout).toContain(mockPage[0]!.split(' ')[0]);
  });
});

describe('a global install, as the README says', () => {
  it('npm i -g of both tarballs gives a working sms-errors command', async () => {
    const prefix = await scratch('global');
    await mkdir(prefix, { recursive: true });
    // --prefix keeps the global install in the scratch folder.
    await npmInstall(prefix, '-g', '--prefix', prefix, tarballOf(clientPackage).tarball, tarballOf(cliPackage).tarball);
    const { stdout } = await run(join(prefix, 'bin', 'sms-errors'), ['--version'], prefix);
    expect(stdout).toBe(`${cliPackage} ${tarballOf(cliPackage).version}\n`);
  });
});
