// The code samples on the page cannot rot: the TypeScript ones type-check against the built client, and
// the curl one, exactly as the page shows it but pointed at the real Prism mock, runs and gets a page.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type RunningMock, startMock } from '@sms-errors/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FILES, sampleEndpoint } from '../scripts/code-samples.mjs';
import { createDocsSpec, readSpec } from '../scripts/docs-spec.mjs';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const samplesDir = fileURLToPath(new URL('../samples/', import.meta.url));
const spec = readSpec();
const samples: { lang: string; label: string; source: string }[] =
  createDocsSpec(spec).paths['/v3/errors'].get['x-codeSamples'];

describe('TypeScript samples', () => {
  it('type-check with tsc (samples/tsconfig.json) against the built client, not its sources', async () => {
    const tsc = require.resolve('typescript/bin/tsc');
    const args = [tsc, '-p', `${samplesDir}tsconfig.json`, '--pretty', 'false', '--listFiles'];
    // tsc exits non-zero on a type error; its report (and the file list) is on stdout either way.
    const { stdout } = await run(process.execPath, args, { encoding: 'utf8' }).catch(
      (error: { stdout: string }) => error,
    );
    const errors = stdout.split('\n').filter((line) => /error TS\d+/.test(line));
    expect(errors).toEqual([]);
    const files = stdout.split('\n').map((line) => line.replaceAll('\\', '/'));
    expect(files.some((file) => file.endsWith('/packages/client/dist/index.d.ts'))).toBe(true);
    expect(files.filter((file) => file.includes('/packages/client/src/'))).toEqual([]);
  }, 120_000);

  it('are all on the page, each from its file under samples/', () => {
    const typescript = SAMPLE_FILES.filter(({ file }: { file: string }) => file.endsWith('.ts'));
    expect(typescript.length).toBeGreaterThan(0);
    expect(samples.filter(({ lang }) => lang === 'TypeScript').map(({ label }) => label)).toEqual(
      typescript.map(({ label }: { label: string }) => label),
    );
  });
});

describe('every sample', () => {
  it('reads its secrets from the environment and has none inline', () => {
    for (const { label, source } of samples) {
      expect(source, label).toMatch(/SMS_AUTH_TOKEN|HUAWEICLOUD_SDK_AK/);
      expect(source, label).not.toMatch(/\b(token|sk|ak|securityToken)\s*:\s*['"`]/);
      expect(source, label).not.toMatch(/X-Auth-Token: [^$"]/);
    }
  });
});

describe('curl sample, run against the Prism mock', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock();
  });
  afterAll(async () => {
    await mock?.stop();
  });

  it("is the page's sample with the spec's first regional endpoint", () => {
    const curl = samples.find(({ lang }) => lang === 'curl');
    expect(curl?.source).toContain(`${sampleEndpoint(spec)}/`);
  });

  it('gets a page of failed source servers, exactly as written but for the base URL', async () => {
    const curl = samples.find(({ lang }) => lang === 'curl')!;
    const source = curl.source.replaceAll(sampleEndpoint(spec), mock.url);
    expect(source).not.toBe(curl.source);
    // Only PATH and the token: no proxy variable may send the request anywhere but the mock.
    const { stdout } = await run('bash', ['-euc', source], {
      env: { PATH: process.env['PATH'], SMS_AUTH_TOKEN: 'docs-sample-test-token' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    const body = JSON.parse(stdout) as { count: number; migration_errors: unknown[] };
    expect(body.count).toBeGreaterThanOrEqual(body.migration_errors.length);
    expect(Array.isArray(body.migration_errors)).toBe(true);
  });

  it('fails loudly (non-zero exit, the error body on stdout) when the token is missing', async () => {
    const curl = samples.find(({ lang }) => lang === 'curl')!;
    const source = curl.source.replaceAll(sampleEndpoint(spec), mock.url);
    const result = await run('bash', ['-ec', source], {
      env: { PATH: process.env['PATH'] },
      encoding: 'utf8',
      timeout: 30_000,
    }).then(
      () => ({ code: 0, stdout: '' }),
      (error: { code: number; stdout: string }) => error,
    );
    expect(result.code).not.toBe(0);
    expect(JSON.parse(result.stdout)).toHaveProperty('error_code');
  });
});
