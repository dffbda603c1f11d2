// Builds the spec once, for every package that reads it: dist/openapi.json is spec/openapi.yaml bundled by
// Redocly with every $ref resolved (so no reader parses YAML or follows references), and
// dist/error-codes.json is spec/error-codes.yaml, checked first. The client's generator, the mock, the docs
// build and the tests import these two files (`@sms-errors/spec/openapi.json`, `/error-codes.json`).
// dist/redocly.json is the Redocly configuration (lint rules, telemetry off) for the docs build, which
// adds its code-sample languages to it without a YAML parser of its own.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { catalogueProblems, readCatalogue } from './catalogue.mjs';

const specDir = fileURLToPath(new URL('..', import.meta.url));
const distDir = fileURLToPath(new URL('../dist/', import.meta.url));
const redocly = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');

mkdirSync(distDir, { recursive: true });
// iam.yaml is its own document (the IAM token call, and where Huawei's tools keep credentials): dist/iam.json.
for (const name of ['openapi', 'iam']) {
  execFileSync(
    process.execPath,
    [redocly, 'bundle', `${name}.yaml`, '--dereferenced', '--ext', 'json', '--output', `${distDir}${name}.json`],
    {
      cwd: specDir,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
}

const catalogue = readCatalogue();
const problems = catalogueProblems(catalogue);
if (problems.length > 0) {
  throw new Error(`error-codes.yaml: ${problems.length} problem(s)\n${problems.join('\n')}`);
}
writeFileSync(`${distDir}error-codes.json`, `${JSON.stringify(catalogue, null, 2)}\n`);

const redoclyConfig = parse(readFileSync(`${specDir}redocly.yaml`, 'utf8'));
writeFileSync(`${distDir}redocly.json`, `${JSON.stringify(redoclyConfig, null, 2)}\n`);
console.log(`built ${distDir}openapi.json, ${distDir}iam.json, ${distDir}error-codes.json and ${distDir}redocly.json`);
