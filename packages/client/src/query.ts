// Maps the client's camelCase query to the spec's wire names. The names, defaults and which parameters are
// always sent come from the spec (generated), so a renamed or new parameter needs no edit here.
import { listErrorServersQuery } from './generated/spec-facts.js';
import type { paths } from './generated/openapi.js';

type SnakeToCamel<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<SnakeToCamel<Tail>>}`
  : S;

/** The query of ListErrorServers as the spec names it on the wire. */
export type ListErrorServersWireQuery = paths['/v3/errors']['get']['parameters']['query'];

/** The query of `listMigrationErrors`: the spec's parameters in camelCase, all optional (defaults apply). */
export type ListMigrationErrorsQuery = {
  [K in keyof ListErrorServersWireQuery as SnakeToCamel<K & string>]?: ListErrorServersWireQuery[K];
};

type QueryName = keyof typeof listErrorServersQuery;

/**
 * The wire query for `query`: unset required parameters take the spec's default, so `offset` is always
 * sent as the service's page requires.
 */
export function toWireQuery(query: ListMigrationErrorsQuery): ListErrorServersWireQuery {
  const wire: Record<string, unknown> = {};
  for (const name of Object.keys(listErrorServersQuery) as QueryName[]) {
    const parameter = listErrorServersQuery[name];
    const value = (query as Record<string, unknown>)[name];
    if (value !== undefined) wire[parameter.wireName] = value;
    else if (parameter.required && 'default' in parameter) wire[parameter.wireName] = parameter.default;
  }
  return wire as ListErrorServersWireQuery;
}
