// Deno (pinned in package.json, installed from npm with its platform binary) imports the built client as a
// package (node_modules, through this package's package.json) and runs the probe against the sandbox and
// the mock, with network access to loopback only and no other permission.
import { beforeAll, describe, expect, it } from 'vitest';
import manifest from '../package.json' with { type: 'json' };
import { binary, type RuntimeRun, runProbe } from './helpers.js';
import { expectSameAsNode } from './runtime-expectations.js';

let result: RuntimeRun;
beforeAll(async () => {
  result = await runProbe(binary('deno'), ['run', '--no-prompt', '--allow-net=127.0.0.1'], {
    DENO_NO_UPDATE_CHECK: '1',
  });
});

describe('Deno', () => {
  it(`is the pinned Deno ${manifest.devDependencies.deno}`, () => {
    expect(result.runtime).toBe(`deno ${manifest.devDependencies.deno}`);
  });
  expectSameAsNode(() => result);
});
