// The query of ListErrorServers: the client's camelCase keys, checked against the spec's bounds and mapped
// to the wire names. Names, bounds, defaults and which parameters are always sent come from the spec
// (generated), so a renamed, re-bounded or new parameter needs no edit here.

import { checkQueryValue } from './check-headers.js';
import { SmsValidationError } from './errors.js';
import type { paths } from './generated/openapi.js';
import { listErrorServersQuery } from './generated/spec-facts.js';
import { checkBounds, type ValueBounds } from './value-bounds.js';

type SnakeToCamel<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<SnakeToCamel<Tail>>}`
  : S;

/** The query of ListErrorServers as the spec names it on the wire. */
export type ListErrorServersWireQuery = paths['/v3/errors']['get']['parameters']['query'];

/** The query of `listMigrationErrors`: the spec's parameters in camelCase, all optional (defaults apply). */
export type ListMigrationErrorsQuery = {
  [K in keyof ListErrorServersWireQuery as SnakeToCamel<K & string>]?: ListErrorServersWireQuery[K];
};

type ParameterFacts = ValueBounds & {
  readonly wireName?: string;
  readonly required?: boolean;
  readonly default?: unknown;
  /** A regular expression a string value must match (the spec's `pattern`). */
  readonly pattern?: string;
};
const parameters: Readonly<Record<string, ParameterFacts>> = listErrorServersQuery;

/**
 * Checks `query` against the spec and returns the wire query. Unset required parameters take the spec's
 * default, so `offset` is always sent as the service's page requires. Throws SmsValidationError naming the
 * parameter and its bound; nothing is sent then.
 */
export function toWireQuery(query: ListMigrationErrorsQuery): ListErrorServersWireQuery {
  if (Object(query) !== query) {
    throw new SmsValidationError('query', 'an object');
  }
  for (const key of Object.keys(query)) {
    if (!Object.hasOwn(parameters, key)) {
      throw new SmsValidationError(key, `a query parameter: ${Object.keys(parameters).join(', ')}`);
    }
  }
  const wire: Record<string, unknown> = {};
  for (const [name, facts] of Object.entries(parameters)) {
    let value = (query as Record<string, unknown>)[name];
    if (value === undefined && facts.required) {
      value = facts.default;
    }
    if (value === undefined) {
      continue;
    }
    checkBounds(name, value, facts);
    if (typeof value === 'string') {
      // The spec's pattern (no NUL in enterprise_project_id), as the mock and the sandbox apply it.
      if (facts.pattern && !new RegExp(facts.pattern, 'u').test(value)) {
        throw new SmsValidationError(name, `a string matching ${facts.pattern}`);
      }
      checkQueryValue(name, value);
    }
    wire[facts.wireName ?? name] = value;
  }
  return wire as ListErrorServersWireQuery;
}
