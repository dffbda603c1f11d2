// dist/served/: the specs Prism serves are derived from spec/ at build time, so they are linted here with
// the spec's own Redocly rules (every example checked against its schema, extra properties refused), and a
// build older than spec/ is refused in one line.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SANDBOX_SIZE, DEFAULT_SEED, generateFailedServers } from '../src/sandbox-data.js';
import { assertServedFilesFresh, readErrorCodes, servedFiles } from '../src/served-files.js';
import { regionHosts } from '../src/spec-facts.js';
import { limitParameter, spec } from './helpers.js';

// The spec package owns the linter and its configuration; use both rather than a second copy.
const specRequire = createRequire(createRequire(import.meta.url).resolve('@sms-errors/spec/package.json'));
const redocly = join(dirname(specRequire.resolve('@redocly/cli/package.json')), 'bin', 'cli.js');
const redoclyConfig = specRequire.resolve('@sms-errors/spec/redocly.yaml');

async function lint(path: string, skipRules: string[] = []): Promise<string> {
  const args = [
    redocly,
    'lint',
    path,
    '--config',
    redoclyConfig,
    '--format',
    'stylish',
    ...skipRules.flatMap((rule) => ['--skip-rule', rule]),
  ];
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, args, {
      env: { ...process.env, REDOCLY_TELEMETRY: 'off' },
    });
    return stdout + stderr;
  } catch (error) {
    const { stdout, stderr } = error as { stdout: string; stderr: string };
    throw new Error(`redocly lint ${path} failed:\n${stdout}${stderr}`);
  }
}

describe('served specs', () => {
  // Both derive from the spec package's build, where every $ref is resolved: the components are copies that
  // nothing references (spec/openapi.yaml itself is linted with no-unused-components).
  it("the mock's spec (with the full-page example) lints clean with the spec's own rules", async () => {
    expect(await lint(servedFiles.mockSpec, ['no-unused-components'])).toContain('valid');
  });

  it("the sandbox's spec lints clean but for the one deliberate change: no security requirement", async () => {
    expect(await lint(servedFiles.sandboxSpec, ['security-defined', 'no-unused-components'])).toContain('valid');
  });

  it("the full-page example is the sandbox's default first page at the largest limit", () => {
    const examples = (spec['components'] as { examples: Record<string, { value: unknown }> }).examples;
    const servers = generateFailedServers({
      size: DEFAULT_SANDBOX_SIZE,
      seed: DEFAULT_SEED,
      errorCodes: readErrorCodes(),
      regionHosts: regionHosts(spec),
    });
    expect(examples['full-page']?.value).toEqual({
      count: DEFAULT_SANDBOX_SIZE,
      migration_errors: servers.slice(0, limitParameter.schema.maximum),
    });
  });

  it('refuses, in one line, a build older than spec/', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sms-served-'));
    try {
      const sources = join(dir, 'sources.json');
      await writeFile(sources, JSON.stringify({ sha256: 'from-an-older-spec' }));
      expect(() => assertServedFilesFresh(sources)).toThrow(
        /^apps\/mock\/dist\/served\/ is older than spec\/: run `node scripts\/pnpm.mjs --filter @sms-errors\/mock build`/,
      );
      expect(() => assertServedFilesFresh(join(dir, 'missing.json'))).toThrow(/is missing/);
      expect(() => assertServedFilesFresh()).not.toThrow();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
