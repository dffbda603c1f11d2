// The operation's `x-codeSamples`, read from the real files under samples/: the TypeScript ones are
// type-checked against the built client and the curl one is run against the mock (test/code-samples.test.ts),
// so what the page shows is what the tests check.
import { readFileSync } from 'node:fs';
import { fillTemplate } from './fill-template.mjs';

const samplesDir = new URL('../samples/', import.meta.url);

/** The samples in the order the page shows them. */
export const SAMPLE_FILES = [
  { file: 'list-with-token.ts', lang: 'TypeScript', label: 'TypeScript: IAM token' },
  { file: 'list-with-ak-sk.ts', lang: 'TypeScript', label: 'TypeScript: AK/SK' },
  { file: 'list-all-pages.ts', lang: 'TypeScript', label: 'TypeScript: all pages' },
  { file: 'list-with-token.curl.sh', lang: 'curl', label: 'curl' },
];

/**
 * The first regional endpoint in the spec's `servers` (those with `x-sms-region`), which the curl sample
 * calls: the region endpoint is an API fact, so it comes from the spec rather than the sample file.
 */
export function sampleEndpoint(spec) {
  const server = (spec.servers ?? []).find((candidate) => candidate['x-sms-region']);
  if (!server) {
    throw new Error('the spec lists no server with x-sms-region');
  }
  return server.url;
}

/** `[{ lang, label, source }]` for the operation, with `{{endpoint}}` filled from the spec. */
export function codeSamples(spec) {
  const endpoint = sampleEndpoint(spec);
  return SAMPLE_FILES.map(({ file, lang, label }) => {
    const text = readFileSync(new URL(file, samplesDir), 'utf8').trimEnd();
    const source = file.endsWith('.sh') ? fillTemplate(text, { endpoint }, `samples/${file}`) : text;
    return { lang, label, source };
  });
}
