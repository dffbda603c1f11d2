// The mock's scenarios, read from the spec (the spec package's build, every $ref resolved): every example
// of every response of the operation is one scenario, reached with Prism's `Prefer` header. Add an example to
// the spec and the guide lists it. (The mock adds one of its own, the generated full page, which the guide
// describes in its text.)
import { listOperation } from '@sms-errors/mock';
import { escapeMarkdown } from './markdown.mjs';

/**
 * `[{ status, example, summary, value, prefer }]`, in the spec's order (status, then example), of the
 * spec's one operation.
 */
export function mockScenarios(spec) {
  const { path, method } = listOperation(spec);
  const operation = spec.paths?.[path]?.[method.toLowerCase()];
  if (!operation) {
    throw new Error(`the spec has no ${method.toUpperCase()} ${path}`);
  }
  const scenarios = [];
  for (const [status, response] of Object.entries(operation.responses ?? {})) {
    const examples = response.content?.['application/json']?.examples ?? {};
    for (const [name, example] of Object.entries(examples)) {
      scenarios.push({
        status: Number(status),
        example: name,
        summary: example.summary ?? '',
        value: example.value,
        prefer: `code=${status}, example=${name}`,
      });
    }
  }
  if (scenarios.length === 0) {
    throw new Error(`${method.toUpperCase()} ${path} has no response examples`);
  }
  return scenarios;
}

/** The scenarios as a Markdown list (a table's columns are too narrow for the header values). */
export function mockScenarioList(scenarios) {
  return scenarios
    .map(({ status, summary, prefer }) => `- **${status}** ${escapeMarkdown(summary)}: \`Prefer: ${prefer}\``)
    .join('\n');
}
