// What the client does with each JSON Schema keyword of the spec: strict mode (src/validate-response.ts)
// checks the 200 body, and the input checks (src/query.ts) check the query before sending. A keyword that
// neither checks and that is not a plain annotation fails the generator, naming where it is: dropping it
// silently would let through values the spec refuses (an `enum`, a `pattern`, ...).

/** Keywords that describe and never constrain: left out of what the client carries. */
const ANNOTATIONS = new Set([
  'title',
  'description',
  'example',
  'examples',
  'deprecated',
  'readOnly',
  'writeOnly',
  '$comment',
]);

/** The keywords strict mode checks (beside `properties` and `items`, which it walks). */
export const STRICT_KEYWORDS = [
  'type',
  'required',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
];

/** The keywords the input checks use for a query parameter. */
export const QUERY_KEYWORDS = ['type', 'minimum', 'maximum', 'minLength', 'maxLength', 'pattern', 'default'];

const isIgnorable = (key) => ANNOTATIONS.has(key) || key.startsWith('x-');

/**
 * `format` only names the integer's size: accepted on an integer whose `minimum` and `maximum` are both
 * given (those are checked, and bound it more tightly than int32/int64 would).
 */
function checkFormat(schema, where) {
  const bounded = schema.minimum !== undefined && schema.maximum !== undefined;
  if (schema.type === 'integer' && (schema.format === 'int32' || schema.format === 'int64') && bounded) {
    return;
  }
  throw new Error(
    `${where}: format "${schema.format}" is not checked by the client (only int32/int64 on an integer with minimum and maximum); teach it or drop the keyword`,
  );
}

function refuse(key, where, what) {
  throw new Error(
    `${where}: the keyword "${key}" is not checked by ${what}; teach it (src/validate-response.ts or src/query.ts) or drop the keyword`,
  );
}

/** The 200 schema cut down to what strict mode checks; throws on a keyword it would drop. */
export function strictSchema(schema, where = 'the 200 schema') {
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (STRICT_KEYWORDS.includes(key)) {
      out[key] = value;
    } else if (key === 'properties') {
      out.properties = Object.fromEntries(
        Object.entries(value).map(([name, property]) => [name, strictSchema(property, `${where}.properties.${name}`)]),
      );
    } else if (key === 'items') {
      out.items = strictSchema(value, `${where}.items`);
    } else if (key === 'format') {
      checkFormat(schema, where);
    } else if (!isIgnorable(key)) {
      refuse(key, where, 'strict mode');
    }
  }
  return out;
}

/** A query parameter's schema cut down to what the input checks use; throws on a keyword they would drop. */
export function queryParameterSchema(schema, where) {
  if (schema.type !== 'integer' && schema.type !== 'string') {
    throw new Error(
      `${where}: type ${JSON.stringify(schema.type)} is not checked by the client's input checks (integer and string only)`,
    );
  }
  // Both bounds, so that every check can say what a value must be (src/value-bounds.ts).
  const [min, max] = schema.type === 'integer' ? ['minimum', 'maximum'] : ['minLength', 'maxLength'];
  if (schema[min] === undefined || schema[max] === undefined) {
    throw new Error(`${where}: give both ${min} and ${max}; the client's input checks need them`);
  }
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (QUERY_KEYWORDS.includes(key)) {
      out[key] = value;
    } else if (key === 'format') {
      checkFormat(schema, where);
    } else if (!isIgnorable(key)) {
      refuse(key, where, "the client's input checks");
    }
  }
  return out;
}
