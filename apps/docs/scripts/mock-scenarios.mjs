// The mock's scenarios, read from the spec the mock serves (spec/openapi.yaml plus the examples its build
// generates, such as the full page): every example of every response of the operation is one scenario,
// reached with Prism's `Prefer` header. Add an example to the spec and the guide lists it.
import { readFileSync } from 'node:fs';
import { servedFiles } from '@sms-errors/mock';
import { escapeMarkdown } from './markdown.mjs';
import { resolveRef } from '@sms-errors/spec/resolve-ref';

/** The spec the mock serves, as the mock's build wrote it. */
export function readServedMockSpec() {
  return JSON.parse(readFileSync(servedFiles.mockSpec, 'utf8'));
}

/** `[{ status, example, summary, value, prefer }]`, in the spec's order (status, then example). */
export function mockScenarios(spec = readServedMockSpec(), path = '/v3/errors', method = 'get') {
  const operation = spec.paths?.[path]?.[method];
  if (!operation) throw new Error(`the spec has no ${method.toUpperCase()} ${path}`);
  const scenarios = [];
  for (const [status, responseOrRef] of Object.entries(operation.responses ?? {})) {
    const response = resolveRef(spec, responseOrRef);
    const examples = response.content?.['application/json']?.examples ?? {};
    for (const [name, exampleOrRef] of Object.entries(examples)) {
      const example = resolveRef(spec, exampleOrRef);
      scenarios.push({ status: Number(status), example: name, summary: example.summary ?? '', value: example.value, prefer: `code=${status}, example=${name}` });
    }
  }
  if (scenarios.length === 0) throw new Error(`${method.toUpperCase()} ${path} has no response examples`);
  return scenarios;
}

/** The scenarios as a Markdown list (a table's columns are too narrow for the header values). */
export function mockScenarioList(scenarios) {
  return scenarios
    .map(({ status, summary, prefer }) => `- **${status}** ${escapeMarkdown(summary)}: \`Prefer: ${prefer}\``)
    .join('\n');
}
