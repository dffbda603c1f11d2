// Where the spec's sources are, and the files the build derives from them into dist/served/: the spec the
// mock serves (the spec plus the generated full-page example), the spec the sandbox's Prism proxy serves,
// and the whole error catalogue as JSON. They are read at run time, so the mock needs no YAML parser; a
// digest of the spec package's build guards against serving a spec older than spec/.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CatalogueEntry } from './sandbox-data.js';
import type { Spec } from './spec-facts.js';

const require = createRequire(import.meta.url);

/** The spec as the spec package builds it: `spec/openapi.yaml` with every $ref resolved, as JSON. */
export const defaultSpecPath: string = require.resolve('@sms-errors/spec/openapi.json');
/** The SMS error catalogue, as the spec package builds it from `spec/error-codes.yaml`. */
export const errorCodesPath: string = require.resolve('@sms-errors/spec/error-codes.json');

// The same folder whether this runs from src/ (tests) or dist/ (the commands).
const servedDir = fileURLToPath(new URL('../dist/served/', import.meta.url));

/** The files `pnpm --filter @sms-errors/mock build` writes. */
export const servedFiles = {
  mockSpec: join(servedDir, 'mock.openapi.json'),
  sandboxSpec: join(servedDir, 'sandbox.openapi.json'),
  errorCodes: join(servedDir, 'error-codes.json'),
  sources: join(servedDir, 'sources.json'),
} as const;

/** A digest of the spec package's build (openapi.json, error-codes.json), recorded at build time. */
export function sourcesDigest(): string {
  const hash = createHash('sha256');
  for (const path of [defaultSpecPath, errorCodesPath]) {
    hash.update(readFileSync(path)).update('\0');
  }
  return hash.digest('hex');
}

const REBUILD = 'run `node scripts/pnpm.mjs --filter @sms-errors/mock build` at the repository root';

/** Throws, in one line, unless dist/served/ exists and was built from the current spec/. */
export function assertServedFilesFresh(sourcesFile: string = servedFiles.sources): void {
  if (!existsSync(sourcesFile)) {
    throw new Error(`apps/mock/dist/served/ is missing: ${REBUILD}`);
  }
  const { sha256 } = JSON.parse(readFileSync(sourcesFile, 'utf8')) as { sha256?: string };
  if (sha256 !== sourcesDigest()) {
    throw new Error(`apps/mock/dist/served/ is older than spec/: ${REBUILD}`);
  }
}

/** The spec as the mock serves it (the facts the sandbox reads come from here too). */
export function readServedSpec(): Spec {
  assertServedFilesFresh();
  return JSON.parse(readFileSync(servedFiles.mockSpec, 'utf8')) as Spec;
}

/** The codes of the SMS error catalogue (status, category, message, action, see), by code. */
export function readErrorCodes(): Record<string, CatalogueEntry> {
  assertServedFilesFresh();
  return (JSON.parse(readFileSync(servedFiles.errorCodes, 'utf8')) as { codes: Record<string, CatalogueEntry> }).codes;
}

/** The path of a served spec, once checked fresh. */
export function servedSpecPath(kind: 'mock' | 'sandbox'): string {
  assertServedFilesFresh();
  return kind === 'mock' ? servedFiles.mockSpec : servedFiles.sandboxSpec;
}
