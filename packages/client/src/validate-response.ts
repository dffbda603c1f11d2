// Strict mode: checks a 2xx body against the spec's response schema (generated into spec-facts.ts as the
// few JSON Schema keywords the schema uses), and names the first violation.
import { codePointLength } from './code-points.js';

/** The subset of JSON Schema that the 200 schema uses. */
export interface ResponseSchema {
  type?: string | string[];
  required?: string[];
  properties?: Record<string, ResponseSchema>;
  items?: ResponseSchema;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
}

const kindOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;

/** The first place where `value` breaks `schema`, as `path must ...`; undefined when it conforms. */
export function findViolation(value: unknown, schema: ResponseSchema, path = 'body'): string | undefined {
  const kind = kindOf(value);
  const types = schema.type === undefined ? [] : ([] as string[]).concat(schema.type);
  if (types.length > 0 && !types.some((type) => type === kind || (type === 'number' && kind === 'integer'))) {
    return `${path} must be ${types.join(' or ')}, not ${kind}`;
  }
  const size =
    kind === 'string' ? codePointLength(value as string) : kind === 'array' ? (value as unknown[]).length : undefined;
  const [min, max, unit] =
    kind === 'string'
      ? [schema.minLength, schema.maxLength, ' characters']
      : kind === 'array'
        ? [schema.minItems, schema.maxItems, ' items']
        : [schema.minimum, schema.maximum, ''];
  const measured = size ?? (value as number);
  if (min !== undefined && measured < min) {
    return `${path} must be at least ${min}${unit}`;
  }
  if (max !== undefined && measured > max) {
    return `${path} must be at most ${max}${unit}`;
  }
  if (kind === 'array' && schema.items) {
    for (const [index, item] of (value as unknown[]).entries()) {
      const violation = findViolation(item, schema.items, `${path}[${index}]`);
      if (violation) {
        return violation;
      }
    }
  }
  if (kind === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of schema.required ?? []) {
      if (!(key in record)) {
        return `${path}.${key} is required`;
      }
    }
    for (const [key, property] of Object.entries(schema.properties ?? {})) {
      if (key in record) {
        const violation = findViolation(record[key], property, `${path}.${key}`);
        if (violation) {
          return violation;
        }
      }
    }
  }
  return undefined;
}
