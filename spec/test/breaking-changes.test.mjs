// The breaking-change gate (scripts/check-breaking-changes.mjs, `redocly diff` with the diff-recommended
// rules): first the gate itself, spec/openapi.yaml against the last released spec; then proof that it catches
// each kind of breaking change this spec can suffer, lets non-breaking changes through, and lets a breaking
// change through once info.version has a new major; then the release script.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import {
  checkBreakingChanges,
  currentSpecPath,
  formatResult,
  releasedSpecPath,
} from '../scripts/check-breaking-changes.mjs';
import { releaseSpec, requiredVersion } from '../scripts/release-spec.mjs';

// Each diff starts a Redocly CLI (about 0.6 s of CPU): allow for a loaded machine.
const DIFF_TIMEOUT_MS = 60_000;

let scratch;
let released;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'spec-gate-'));
  released = parse(await readFile(releasedSpecPath, 'utf8'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

let written = 0;
/**
 * The released spec changed by `mutate`, written to a scratch file; returns the gate's result.
 * @param {(spec: any) => unknown} mutate
 * @param {{ version?: string }} [options]
 */
async function gateOn(mutate, { version } = {}) {
  const spec = structuredClone(released);
  mutate(spec);
  if (version) {
    spec.info.version = version;
  }
  const revision = join(scratch, `revision-${written++}.yaml`);
  await writeFile(revision, stringify(spec));
  return checkBreakingChanges({ base: releasedSpecPath, revision });
}

const nextMajor = () => `${Number(released.info.version.split('.')[0]) + 1}.0.0`;
const operation = (spec) => spec.paths['/v3/errors'].get;
const migrationError = (spec) => spec.components.schemas.MigrationError;
const rulesOf = (result) => [...new Set(result.breaking.map((change) => change.rule))].sort();

describe('the gate: spec/openapi.yaml against spec/released/openapi.yaml', () => {
  it(
    'has no breaking change, unless info.version has a new major',
    async () => {
      const result = await checkBreakingChanges();
      console.log(formatResult(result));
      expect(result.problems, formatResult(result)).toEqual([]);
      expect(result.ok).toBe(true);
    },
    DIFF_TIMEOUT_MS,
  );

  it('keeps a released copy that is a release: a semantic version, the one spec/package.json carries', async () => {
    const current = parse(await readFile(currentSpecPath, 'utf8'));
    const packageJson = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
    expect(released.info.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(packageJson.version).toBe(released.info.version);
    expect(released.openapi).toBe(current.openapi);
  });
});

// Each kind of breaking change, made to the released spec without a version bump: the gate must fail and
// name the Redocly rule that caught it.
/** @type {[string, (spec: any) => unknown, string[]][]} */
const breakingChanges = [
  [
    'a path removed (renamed)',
    (s) => {
      s.paths['/v3/failed-servers'] = s.paths['/v3/errors'];
      delete s.paths['/v3/errors'];
    },
    ['path-removed'],
  ],
  ['the operation removed', (s) => delete s.paths['/v3/errors'].get, ['operation-removed']],
  ['the operationId changed', (s) => (operation(s).operationId = 'ListFailedServers'), ['operation-id-changed']],
  [
    'a query parameter removed',
    (s) =>
      (operation(s).parameters = operation(s).parameters.filter((p) => !p.$ref.endsWith('/enterprise_project_id'))),
    ['parameter-removed'],
  ],
  [
    'a query parameter renamed',
    (s) => (s.components.parameters.enterprise_project_id.name = 'enterprise_project'),
    ['parameter-removed'],
  ],
  [
    'an optional parameter made required',
    (s) => (s.components.parameters.limit.required = true),
    ['parameter-became-required'],
  ],
  [
    'a new required parameter',
    (s) => {
      s.components.parameters.status = {
        name: 'status',
        in: 'query',
        required: true,
        description: 'x',
        schema: { type: 'string' },
      };
      operation(s).parameters.push({ $ref: '#/components/parameters/status' });
    },
    ['parameter-became-required'],
  ],
  [
    'a request maximum narrowed (limit)',
    (s) => (s.components.parameters.limit.schema.maximum -= 1),
    ['schema-constraint-changed'],
  ],
  [
    'a request minimum raised (offset)',
    (s) => (s.components.parameters.offset.schema.minimum += 1),
    ['schema-constraint-changed'],
  ],
  [
    'a request maxLength narrowed (enterprise_project_id)',
    (s) => (s.components.parameters.enterprise_project_id.schema.maxLength = 36),
    ['schema-constraint-changed'],
  ],
  ['a parameter type changed', (s) => (s.components.parameters.limit.schema.type = 'string'), ['schema-type-changed']],
  ['a response removed (403)', (s) => delete operation(s).responses['403'], ['response-removed']],
  [
    'the 200 response removed',
    (s) => {
      operation(s).responses['201'] = operation(s).responses['200'];
      delete operation(s).responses['200'];
    },
    ['response-removed'],
  ],
  [
    'a response field removed',
    (s) => {
      delete migrationError(s).properties.source_ip;
      migrationError(s).required = migrationError(s).required.filter((name) => name !== 'source_ip');
    },
    ['property-removed', 'required-properties-removed'],
  ],
  [
    'a response field renamed',
    (s) => {
      const properties = migrationError(s).properties;
      properties.ip = properties.source_ip;
      delete properties.source_ip;
      migrationError(s).required = migrationError(s).required.map((name) => (name === 'source_ip' ? 'ip' : name));
    },
    ['property-removed', 'required-properties-removed'],
  ],
  [
    'a response field no longer required',
    (s) => (migrationError(s).required = migrationError(s).required.filter((name) => name !== 'name')),
    ['required-properties-removed'],
  ],
  [
    'a response field made nullable',
    (s) => (migrationError(s).properties.name.type = ['string', 'null']),
    ['schema-type-changed'],
  ],
  [
    'a response field type changed',
    (s) => (s.components.schemas.ListErrorServersResponse.properties.count.type = 'string'),
    ['schema-type-changed'],
  ],
  [
    'a response bound widened (name maxLength)',
    (s) => (migrationError(s).properties.name.maxLength = 1024),
    ['schema-constraint-changed'],
  ],
  [
    'an error body field removed',
    (s) => {
      s.components.schemas.ErrorResponse.required = ['error_code'];
      delete s.components.schemas.ErrorResponse.properties.error_msg;
    },
    ['property-removed', 'required-properties-removed'],
  ],
  [
    'the response media type changed',
    (s) => {
      const content = operation(s).responses['200'].content;
      content['application/problem+json'] = content['application/json'];
      delete content['application/json'];
    },
    ['media-type-removed'],
  ],
  [
    'the token header renamed',
    (s) => (s.components.securitySchemes.authToken.name = 'X-Token'),
    ['security-scheme-changed'],
  ],
  ['a region (server) removed', (s) => s.servers.shift(), ['server-removed']],
  ['a response header removed', (s) => delete operation(s).responses['200'].headers, ['response-header-removed']],
];

describe('the gate catches each kind of breaking change', () => {
  it.concurrent.each(breakingChanges)(
    '%s',
    async (_, mutate, rules) => {
      const result = await gateOn(mutate);
      expect(result.ok, formatResult(result)).toBe(false);
      expect(rulesOf(result)).toEqual([...rules].sort());
      expect(result.requiredVersion).toBe(nextMajor());
      expect(formatResult(result)).toContain(`bump it to ${nextMajor()}`);
    },
    DIFF_TIMEOUT_MS,
  );

  it(
    'lets every one of them through, together, once info.version has a new major',
    async () => {
      const all = (s) => {
        for (const [name, mutate] of breakingChanges) {
          if (!/path removed|operation removed|200 response|renamed/.test(name)) {
            mutate(s);
          }
        }
      };
      const unbumped = await gateOn(all);
      const bumped = await gateOn(all, { version: nextMajor() });
      expect(unbumped.ok).toBe(false);
      expect(bumped.ok, formatResult(bumped)).toBe(true);
      expect(bumped.breaking).toEqual(unbumped.breaking);
    },
    DIFF_TIMEOUT_MS,
  );

  it(
    'refuses a version that goes backwards',
    async () => {
      const result = await gateOn(() => {}, { version: '0.9.0' });
      expect(result.ok).toBe(false);
      expect(result.problems.join()).toContain('went backwards');
    },
    DIFF_TIMEOUT_MS,
  );
});

describe('the gate lets non-breaking changes through without a bump', () => {
  it.concurrent.each([
    [
      'a new optional parameter',
      'minor',
      (s) => {
        s.components.parameters.name = {
          name: 'name',
          in: 'query',
          required: false,
          description: 'x',
          schema: { type: 'string', maxLength: 255 },
        };
        operation(s).parameters.push({ $ref: '#/components/parameters/name' });
      },
    ],
    [
      'a new optional response field',
      'minor',
      (s) => (migrationError(s).properties.region = { type: 'string', maxLength: 64, description: 'x' }),
    ],
    ['a request bound widened (limit maximum)', 'patch', (s) => (s.components.parameters.limit.schema.maximum += 100)],
    ['a response bound narrowed (name maxLength)', 'patch', (s) => (migrationError(s).properties.name.maxLength = 128)],
    ['a description edited', 'patch', (s) => (operation(s).description += '\nMore words.')],
  ])(
    '%s (a %s change)',
    async (_, bump, mutate) => {
      const result = await gateOn(mutate);
      expect(result.breaking, formatResult(result)).toEqual([]);
      expect(result.ok).toBe(true);
      expect(result.bump).toBe(bump);
    },
    DIFF_TIMEOUT_MS,
  );
});

describe('release-spec', () => {
  /** A copy of spec/ (openapi.yaml, released/, package.json) with openapi.yaml changed by `mutate`. */
  async function specCopy(mutate, version) {
    const dir = await mkdtemp(join(scratch, 'release-'));
    await cp(releasedSpecPath, join(dir, 'released', 'openapi.yaml'));
    await cp(new URL('../package.json', import.meta.url), join(dir, 'package.json'));
    const spec = structuredClone(released);
    mutate(spec);
    if (version) {
      spec.info.version = version;
    }
    await writeFile(join(dir, 'openapi.yaml'), stringify(spec));
    return dir;
  }
  const quiet = () => {};

  it('computes the smallest version each bump allows', () => {
    expect(['major', 'minor', 'patch', 'none'].map((bump) => requiredVersion('1.4.2', bump))).toEqual([
      '2.0.0',
      '1.5.0',
      '1.4.3',
      '1.4.2',
    ]);
  });

  it(
    'refuses a changed spec whose info.version was not bumped, naming the version to set',
    async () => {
      const dir = await specCopy((s) => (migrationError(s).properties.region = { type: 'string' }));
      await expect(releaseSpec({ specDir: dir, log: quiet })).rejects.toThrow(
        /still the released 1\.0\.0: set it to 1\.1\.0/,
      );
    },
    DIFF_TIMEOUT_MS,
  );

  it(
    'refuses a breaking change with a minor bump',
    async () => {
      const dir = await specCopy((s) => (s.components.parameters.limit.schema.maximum = 10), '1.1.0');
      await expect(releaseSpec({ specDir: dir, log: quiet })).rejects.toThrow(/bump it to 2\.0\.0/);
    },
    DIFF_TIMEOUT_MS,
  );

  it(
    'releases a major: copies openapi.yaml to released/ and sets package.json version',
    async () => {
      const dir = await specCopy((s) => (s.components.parameters.limit.schema.maximum = 10), '2.0.0');
      await expect(releaseSpec({ specDir: dir, log: quiet })).resolves.toBe('2.0.0');
      expect(await readFile(join(dir, 'released', 'openapi.yaml'), 'utf8')).toBe(
        await readFile(join(dir, 'openapi.yaml'), 'utf8'),
      );
      expect(JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')).version).toBe('2.0.0');
    },
    DIFF_TIMEOUT_MS,
  );
});
