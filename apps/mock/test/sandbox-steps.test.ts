// The stepping sandbox (SANDBOX_STEP_SECONDS, `--step`, several SANDBOX_DATA files): each step a pure,
// seeded function of the one before; the step in force read from a clock the test moves by hand, so that
// nothing here waits on wall-clock time; pages and count from one step; the command's settings.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FailedServer,
  findFreePort,
  generateFailedServers,
  type RunningSandbox,
  startSandbox,
} from '../src/index.js';
import { applyStep, type StepOptions, steppingData } from '../src/sandbox-steps.js';
import { readErrorCodes } from '../src/served-files.js';
import { regionHosts } from '../src/spec-facts.js';
import { runToEnd, sandboxCommand, spec, startCommandWithArgs } from './helpers.js';

const errorCodes = readErrorCodes();
const options: StepOptions = { seed: 'steps', errorCodes, regionHosts: regionHosts(spec), maxSize: 1000 };
const base = generateFailedServers({ size: 40, seed: 'steps', errorCodes, regionHosts: regionHosts(spec) });
const codeOf = (server: FailedServer) => (JSON.parse(server.error_json) as { error_code: string }).error_code;
const ids = (servers: FailedServer[]) => servers.map((server) => server.source_id);

describe('applyStep', () => {
  it('resolves a few, adds a few and changes the code of a few; count follows', () => {
    const frozen = structuredClone(base);
    const { servers, changes } = applyStep(base, 1, options);
    expect(base).toEqual(frozen);
    for (const part of [changes.resolved, changes.appeared, changes.changed]) {
      expect(part.length).toBeGreaterThanOrEqual(1);
      expect(part.length).toBeLessThanOrEqual(3);
    }
    expect(servers).toHaveLength(base.length - changes.resolved.length + changes.appeared.length);
    // Resolved ones are gone, new ones are new, changed ones keep their identity with another code.
    for (const gone of changes.resolved) {
      expect(ids(servers)).not.toContain(gone.source_id);
    }
    for (const added of changes.appeared) {
      expect(ids(base)).not.toContain(added.source_id);
    }
    for (const { before, after } of changes.changed) {
      expect(after.source_id).toBe(before.source_id);
      expect(codeOf(after)).not.toBe(codeOf(before));
      expect(servers).toContainEqual(after);
    }
    // Everyone else is served exactly as before.
    const touched = new Set(ids([...changes.resolved, ...changes.appeared, ...changes.changed.map((c) => c.after)]));
    const untouched = (list: FailedServer[]) => list.filter((server) => !touched.has(server.source_id));
    expect(untouched(servers)).toEqual(untouched(base));
    expect(new Set(servers.map((server) => server.name)).size).toBe(servers.length);
  });

  it('is reproducible: the same seed and step give the same result; another seed or step another', () => {
    expect(applyStep(base, 1, options)).toEqual(applyStep(base, 1, options));
    expect(applyStep(base, 1, { ...options, seed: 'other' }).servers).not.toEqual(applyStep(base, 1, options).servers);
    expect(applyStep(base, 2, options).servers).not.toEqual(applyStep(base, 1, options).servers);
  });

  it('adds no server beyond the largest data set a client can page through, and copes with an empty set', () => {
    const full = applyStep(base, 1, { ...options, maxSize: base.length });
    expect(full.servers.length).toBeLessThanOrEqual(base.length);
    const empty = applyStep([], 1, options);
    expect(empty.changes.resolved).toEqual([]);
    expect(empty.changes.changed).toEqual([]);
    expect(empty.servers).toEqual(empty.changes.appeared);
  });

  it("changes a file's record whose error_json is not JSON without failing", () => {
    const odd = base.map((server) => ({ ...server, error_json: 'not json' }));
    const { changes } = applyStep(odd, 1, options);
    for (const { after } of changes.changed) {
      expect(() => codeOf(after)).not.toThrow();
    }
  });
});

describe('steppingData', () => {
  it('counts steps on the clock it is given: step 0 until a step has passed, then one per step', () => {
    let now = 1_000_000;
    const data = steppingData({ ...options, snapshots: [base], stepSeconds: 30, now: () => now });
    expect(data.currentStep()).toBe(0);
    expect(data.current()).toBe(base);
    now += 29_999;
    expect(data.current()).toBe(base);
    now += 1;
    expect(data.currentStep()).toBe(1);
    expect(data.current()).toEqual(applyStep(base, 1, options).servers);
    // Within a step every read is the same array; three steps on is three steps applied in turn.
    expect(data.current()).toBe(data.current());
    now += 90_000;
    const third = applyStep(applyStep(applyStep(base, 1, options).servers, 2, options).servers, 3, options).servers;
    expect(data.currentStep()).toBe(4);
    expect(data.at(3).servers).toEqual(third);
    // A clock that goes back recomputes from the start, with the same result.
    expect(data.at(1).servers).toEqual(applyStep(base, 1, options).servers);
  });

  it('serves several data sets one after another, a step apart, and stays on the last', () => {
    let now = 0;
    const sets = [base.slice(0, 5), base.slice(5, 7), base.slice(10, 20)];
    const data = steppingData({ ...options, snapshots: sets, stepSeconds: 1, now: () => now });
    const served = [0, 1, 2, 3, 10].map((step) => {
      now = step * 1000;
      return data.current();
    });
    expect(served).toEqual([sets[0], sets[1], sets[2], sets[2], sets[2]]);
  });

  it('refuses a step that is not a positive number of seconds, and no data set', () => {
    expect(() => steppingData({ ...options, snapshots: [base], stepSeconds: 0, now: Date.now })).toThrow(RangeError);
    expect(() => steppingData({ ...options, snapshots: [], stepSeconds: 1, now: Date.now })).toThrow();
  });
});

describe('a stepping sandbox over HTTP', () => {
  let now = 0;
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ size: 30, seed: 'http-steps', stepSeconds: 60, clock: () => now });
  });
  afterAll(() => sandbox?.stop());

  const listAll = async (): Promise<{ counts: number[]; servers: FailedServer[] }> => {
    const counts: number[] = [];
    const servers: FailedServer[] = [];
    for (let offset = 0; ; offset += 10) {
      const response = await fetch(`${sandbox.url}/v3/errors?offset=${offset}&limit=10`, {
        headers: { 'X-Auth-Token': 'test-token' },
      });
      expect(response.status).toBe(200);
      const page = (await response.json()) as { count: number; migration_errors: FailedServer[] };
      counts.push(page.count);
      servers.push(...page.migration_errors);
      if (page.migration_errors.length < 10) {
        return { counts, servers };
      }
    }
  };

  it('pages one step consistently, and serves the next step once the clock has moved a step', async () => {
    const first = await listAll();
    expect(new Set(first.counts)).toEqual(new Set([30]));
    const again = await listAll();
    expect(again.servers).toEqual(first.servers);

    now += 60_000;
    const second = await listAll();
    const expected = sandbox.stepping!.at(1);
    expect(second.servers).toEqual(expected.servers);
    expect(new Set(second.counts)).toEqual(new Set([expected.servers.length]));
    expect(
      expected.changes!.resolved.length + expected.changes!.appeared.length + expected.changes!.changed.length,
    ).toBeGreaterThan(0);
    // Seeded: another sandbox with the same seed takes the same step.
    expect(
      applyStep(first.servers, 1, {
        seed: 'http-steps',
        errorCodes,
        regionHosts: regionHosts(spec),
        maxSize: Number.MAX_SAFE_INTEGER,
      }).servers,
    ).toEqual(second.servers);
  });
});

describe('sandbox command: --step and several data files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sms-steps-'));
  const file = (name: string, records: FailedServer[]) => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify({ count: records.length, migration_errors: records }));
    return path;
  };

  it.each([
    [['--step', '0'], {}, /--step must be a number of seconds above 0/],
    [['--step', '5m'], {}, /--step must be a number of seconds/],
    [[], { SANDBOX_STEP_SECONDS: '-1' }, /SANDBOX_STEP_SECONDS must be a number of seconds/],
  ])('refuses a bad step %j %j in one line, exit 2', async (args, env, message) => {
    const { code, stderr } = await runToEnd(sandboxCommand, args, env as Record<string, string>);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses several data files without a step (they are served a step apart)', async () => {
    const paths = [file('a.json', base.slice(0, 2)), file('b.json', base.slice(2, 4))];
    const { code, stderr } = await runToEnd(sandboxCommand, [], { SANDBOX_DATA: paths.join(',') });
    expect(code).toBe(2);
    expect(stderr).toMatch(/names 2 files, served a step apart: give --step N or SANDBOX_STEP_SECONDS/);
  });

  it('serves the first of several --data files and says it steps', async () => {
    const paths = [file('c.json', base.slice(0, 3)), file('d.json', base.slice(3, 8))];
    const port = await findFreePort();
    const url = `http://127.0.0.1:${port}/v3/errors`;
    const started = await startCommandWithArgs(
      sandboxCommand,
      ['--data', paths[0]!, '--data', paths[1]!, '--step', '3600'],
      { PORT: String(port) },
      url,
    );
    try {
      expect(started.output()).toMatch(
        /2 data sets from .*c\.json, .*d\.json, 3 failed servers in the first, one step every 3600 s/,
      );
      const response = await fetch(`${url}?offset=0`, { headers: { 'X-Auth-Token': 't' } });
      expect(((await response.json()) as { count: number }).count).toBe(3);
    } finally {
      started.child.kill('SIGINT');
    }
    expect(await started.exited).toBe(0);
  });
});
