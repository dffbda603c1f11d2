// The client as bundlers and pages get it: the size budget of the main entry bundled by esbuild (printed,
// with each optional entry), and the browser bundle the build writes (dist/browser/sms-errors-client.js):
// one self-contained module with the documented exports. The packed tarball, installed from outside the
// workspace, is apps/consumer's; the bundle in Chromium, apps/runtimes'.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { specCatalogueZh, specErrorCodes } from './helpers/spec-facts.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const browserBundle = join(packageDir, 'dist/browser/sms-errors-client.js');

/**
 * The budget (size-budget.json, which the bench reads too): the main entry bundled by esbuild (--bundle
 * --minify, ESM, platform neutral, so a static import of a Node built-in would fail the build), what it imports
 * included, then gzip -9.
 */
const SIZE_BUDGET_BYTES: number = JSON.parse(readFileSync(join(packageDir, 'size-budget.json'), 'utf8')).maxGzipBytes;

/** gzip -9 itself, as the budget is stated (zlib's deflate gives a few bytes less). */
const gzipped = (code: Uint8Array): number => spawnSync('gzip', ['-9', '-c'], { input: code }).stdout.byteLength;

async function bundledSize(entry: string): Promise<{ minified: number; gzipped: number; code: string }> {
  const result = await build({
    entryPoints: [join(packageDir, entry)],
    bundle: true,
    minify: true,
    format: 'esm',
    // The /env entry reads files (Huawei's profile file, KooCLI's configuration): it is for Node.
    platform: entry.includes('credentials-from-env') ? 'node' : 'neutral',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  return { minified: code.byteLength, gzipped: gzipped(code), code: Buffer.from(code).toString('utf8') };
}

describe('size budget', () => {
  it(`keeps the bundled entry within ${SIZE_BUDGET_BYTES} bytes min+gzip (everything it imports included)`, async () => {
    const main = await bundledSize('dist/index.js');
    const extras = Object.fromEntries(
      await Promise.all(
        ['decode-error-json', 'decode-zh', 'strict', 'credentials-from-env', 'facts', 'diff'].map(async (name) => [
          name,
          await bundledSize(`dist/${name}.js`),
        ]),
      ),
    );
    const browser = readFileSync(browserBundle);
    console.log(
      [
        `size budget: @sms-errors/client entry ${main.gzipped} B min+gzip (${main.minified} B min) of ${SIZE_BUDGET_BYTES} B`,
        ...Object.entries(extras).map(
          ([name, size]) =>
            `  optional entry ${name}: ${(size as { gzipped: number }).gzipped} B min+gzip (bundled alone, shared code included)`,
        ),
        `  browser bundle dist/browser/sms-errors-client.js: ${gzipped(browser)} B min+gzip (${browser.byteLength} B min; the catalogue included)`,
      ].join('\n'),
    );
    expect(main.gzipped).toBeLessThanOrEqual(SIZE_BUDGET_BYTES);
    // openapi-fetch is the raw client's (@sms-errors/client/raw), not the main entry's: requests go through attempt.ts.
    expect(main.code).not.toContain('querySerializer');
    expect((await bundledSize('dist/raw.js')).code).toContain('querySerializer');
  });

  it("keeps the error-code catalogue in @sms-errors/client/decode only, and prints that entry's size", async () => {
    const main = await bundledSize('dist/index.js');
    const decode = await bundledSize('dist/decode-error-json.js');
    const codes = Object.keys(specErrorCodes);
    console.log(
      `size: @sms-errors/client/decode entry ${decode.gzipped} B min+gzip (${decode.minified} B min), ` +
        `the whole catalogue of ${codes.length} codes included (bundled alone, the main entry's method)`,
    );
    // The decode bundle, loaded as a module, has the whole catalogue; no code and no message is in the main one.
    const bundled = join(mkdtempSync(join(tmpdir(), 'sms-decode-bundle-')), 'decode.mjs');
    writeFileSync(bundled, decode.code);
    const { smsErrorCodes } = (await import(pathToFileURL(bundled).href)) as { smsErrorCodes: Record<string, unknown> };
    expect(smsErrorCodes).toEqual(specErrorCodes);
    expect(main.code).not.toMatch(/SMS\.\d{4}/);
    expect(main.code).not.toContain(specErrorCodes['SMS.2802']!.message);
  });

  it("keeps the Chinese texts in @sms-errors/client/decode/zh only, and prints that entry's size", async () => {
    const decode = await bundledSize('dist/decode-error-json.js');
    const zh = await bundledSize('dist/decode-zh.js');
    console.log(
      `size: @sms-errors/client/decode/zh entry ${zh.gzipped} B min+gzip (${zh.minified} B min), both languages of the catalogue included`,
    );
    // esbuild writes non-ASCII characters as \uXXXX escapes: a Chinese message appears in that form.
    const escaped = (text: string) =>
      [...text].map((char) => (char.charCodeAt(0) > 0x7f ? `\\u${char.charCodeAt(0).toString(16)}` : char)).join('');
    const chinese = specCatalogueZh.codes['SMS.2802']!.message.split('{0}')[0]!;
    expect(zh.code.toLowerCase()).toContain(escaped(chinese).toLowerCase());
    expect(decode.code.toLowerCase()).not.toContain(escaped(chinese).toLowerCase());
    expect(decode.code).not.toMatch(/\\u[4-9][0-9a-f]{3}/i);
  });
});

describe('browser bundle', () => {
  const code = readFileSync(browserBundle, 'utf8');

  it('is one module: no import of another file, package or Node built-in', () => {
    expect(code).not.toMatch(/\bimport\s*[\w{*][^;]*\bfrom\s*["']/);
    expect(code).not.toMatch(/\bimport\s*\(\s*["']/);
    // Node's crypto is reached at run time through process.getBuiltinModule (absent in a browser), never imported.
    expect(code).not.toMatch(/\b(?:from|require)\s*\(?\s*["']node:/);
    expect([...code.matchAll(/["']node:[a-z]+["']/g)].map(([name]) => name.slice(1, -1))).toEqual(['node:crypto']);
    expect(code).toContain('getBuiltinModule');
  });

  it('exports the main entry, decodeErrorJson with its catalogue lookups (both languages), strictResponses, the diff and createRawSmsClient, and not the environment reader', async () => {
    const bundle = (await import(pathToFileURL(browserBundle).href)) as Record<string, unknown>;
    // The built entry's exports are the source's: the source is read so the type-check needs no build first.
    const main = (await import('../src/index.js')) as Record<string, unknown>;
    expect(Object.keys(bundle).sort()).toEqual(
      [
        ...Object.keys(main),
        'decodeErrorJson',
        'errorCategoryText',
        'lookupErrorCode',
        'smsErrorCategories',
        'strictResponses',
        'diffMigrationErrors',
        'migrationErrorIdentity',
        'readSnapshot',
        'SnapshotError',
        'createRawSmsClient',
      ].sort(),
    );
    // The decoder of the bundle speaks Chinese too (the docs' console follows its page's language).
    const decode = bundle['decodeErrorJson'] as (value: string, options: { lang: 'zh' }) => { message: string };
    expect(decode('{"error_code":"SMS.1114"}', { lang: 'zh' }).message).toBe(
      specCatalogueZh.codes['SMS.1114']!.message,
    );
    expect(bundle['credentialsFromEnv']).toBeUndefined();
  });

  it("carries the client's license line and openapi-fetch's MIT notice", () => {
    const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
      name: string;
      version: string;
      license: string;
    };
    expect(code.startsWith(`/*! ${manifest.name} ${manifest.version} (${manifest.license}) */`)).toBe(true);
    expect(code).toContain('Includes openapi-fetch');
    expect(code).toContain('Permission is hereby granted, free of charge');
  });
});
