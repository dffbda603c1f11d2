// The mock's scenarios are chosen with Prism's `Prefer` header (`code=403`, `example=empty`). Prism answers a
// choice the spec cannot satisfy badly: an example of another response (`code=200, example=forbidden`) gets a
// 500 problem+json, a code or an example the operation does not have gets a 404 as if the path were wrong,
// and `code=401, example=empty` silently gets the 200. The mock's front refuses these with a 400 naming the
// mismatch instead, reading the operation's responses and examples from the spec it serves.
import { listOperation, type Spec } from './spec-facts.js';

export interface ResponseExamples {
  /** The operation's response statuses, such as `['200', '400', ...]`. */
  statuses: string[];
  /** Each example's name and the status of the response it belongs to. */
  exampleStatus: Map<string, string>;
  /** The status Prism picks when Prefer names no code: the operation's first 2xx. */
  defaultStatus: string | undefined;
}

export function responseExamples(spec: Spec): ResponseExamples {
  const responses = (listOperation(spec).operation['responses'] ?? {}) as Record<
    string,
    { content?: Record<string, { examples?: Record<string, unknown> }> }
  >;
  const exampleStatus = new Map<string, string>();
  for (const [status, response] of Object.entries(responses)) {
    for (const media of Object.values(response.content ?? {})) {
      for (const name of Object.keys(media.examples ?? {})) {
        exampleStatus.set(name, status);
      }
    }
  }
  const statuses = Object.keys(responses);
  return { statuses, exampleStatus, defaultStatus: statuses.filter((status) => /^2\d\d$/.test(status)).sort()[0] };
}

/**
 * `code=200, example=forbidden` as its preferences, read as Prism reads them (parse-prefer-header):
 * preferences are separated by commas, a `;` starts a preference's parameters (not another preference),
 * names are case-insensitive, and the first of a name wins.
 */
function preferences(header: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const preference of header.split(',')) {
    const [key = '', ...value] = (preference.split(';')[0] ?? '').split('=');
    const name = key.trim().toLowerCase();
    if (value.length > 0 && !found.has(name)) {
      found.set(
        name,
        value
          .join('=')
          .trim()
          .replace(/^"(.*)"$/, '$1'),
      );
    }
  }
  return found;
}

/** Why the mock cannot answer as `Prefer` asks, or undefined. */
export function preferProblem(header: string | string[] | undefined, examples: ResponseExamples): string | undefined {
  if (header === undefined) {
    return undefined;
  }
  const preferred = preferences(Array.isArray(header) ? header.join(',') : header);
  const code = preferred.get('code');
  const example = preferred.get('example');
  if (code !== undefined && !examples.statuses.includes(code)) {
    return `Prefer: code=${code} is no response of this operation (it has ${examples.statuses.join(', ')})`;
  }
  if (example === undefined) {
    return undefined;
  }
  const exampleStatus = examples.exampleStatus.get(example);
  if (exampleStatus === undefined) {
    return `Prefer: example=${example} is no example of this operation (it has ${[...examples.exampleStatus.keys()].join(', ')})`;
  }
  const status = code ?? examples.defaultStatus;
  if (exampleStatus !== status) {
    return `Prefer: example=${example} is an example of the ${exampleStatus} response, not of the ${status ?? 'default'} response${code === undefined ? ' (the default)' : ''}: send code=${exampleStatus} with it`;
  }
  return undefined;
}
