// Bun (pinned in package.json, installed from npm with its platform binary) imports the built client as a
// package and runs the probe against the sandbox and the mock.
import { beforeAll, describe, expect, it } from 'vitest';
import manifest from '../package.json' with { type: 'json' };
import { binary, type RuntimeRun, runProbe } from './helpers.js';
import { expectSameAsNode } from './runtime-expectations.js';

let result: RuntimeRun;
beforeAll(async () => {
  result = await runProbe(binary('bun'), ['run']);
});

describe('Bun', () => {
  it(`is the pinned Bun ${manifest.devDependencies.bun}`, () => {
    expect(result.runtime).toBe(`bun ${manifest.devDependencies.bun}`);
  });
  expectSameAsNode(() => result);
});
