// The Redocly config the page is built with: the spec's (spec/redocly.yaml, as the spec package builds it
// into `@sms-errors/spec/redocly.json`: lint rules, telemetry off) plus the Redoc option that lists the
// code-sample languages. Redoc 3 only shows an `x-codeSamples` entry whose label is one of those languages,
// so the list is made from the samples themselves.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const specConfigPath = require.resolve('@sms-errors/spec/redocly.json');

/** The spec's Redocly config with `openapi.codeSamples.languages` set to the samples' labels, in their order. */
export function createRedoclyConfig(samples) {
  const config = JSON.parse(readFileSync(specConfigPath, 'utf8')) ?? {};
  if (config.telemetry !== 'off') {
    throw new Error(`${specConfigPath}: expected telemetry: off`);
  }
  const languages = samples.map(({ lang, label }) => ({ lang, label }));
  return { ...config, openapi: { ...config.openapi, codeSamples: { ...config.openapi?.codeSamples, languages } } };
}
