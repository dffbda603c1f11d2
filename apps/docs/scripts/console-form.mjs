// The console's form fields, generated at build time: one input per query parameter of the operation,
// labelled with its wire name, its bounds as the input's constraints and its default filled in (the
// client's facts, `@sms-errors/client/facts`, which are the spec's), with the spec's description as help;
// and the mock's scenarios as the options of the scenario picker. Nothing here names a bound.
import { describeBounds, listErrorServersQuery } from '@sms-errors/client/facts';
import { escapeHtml, inlineMarkdown } from './html.mjs';

/**
 * A query parameter as the client's facts describe it.
 * @typedef {import('@sms-errors/client/facts').ValueBounds & { wireName?: string, required?: boolean, default?: string | number }} ParameterFacts
 */

/** @type {Readonly<Record<string, ParameterFacts>>} */
const queryFacts = listErrorServersQuery;

/**
 * The wire name of a parameter of the client's facts (its key, unless the spec's name differs).
 * @param {string} key
 * @param {ParameterFacts | undefined} [facts]
 */
export function wireName(key, facts = queryFacts[key]) {
  if (facts === undefined) {
    throw new Error(`console: the client's facts have no query parameter ${key}`);
  }
  return facts.wireName ?? key;
}

/** ` name="value"` for each attribute with a value (true: the attribute alone). */
function attributes(pairs) {
  return Object.entries(pairs)
    .filter(([, value]) => value !== undefined && value !== false)
    .map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`))
    .join('');
}

/**
 * The fields of the query, in the spec's order. `parameters` are the operation's, from the spec artefact
 * (for their descriptions). Each input says which client key it fills (data-query-key) and its type.
 * @param {{ name: string, description?: string }[]} parameters
 * @param {Readonly<Record<string, ParameterFacts>>} [query]
 */
export function queryFields(parameters, query = queryFacts) {
  return Object.entries(query)
    .map(([key, facts]) => {
      const name = wireName(key, facts);
      const parameter = parameters.find((candidate) => candidate.name === name);
      if (!parameter) {
        throw new Error(`console: the spec's operation has no query parameter ${name}`);
      }
      const id = `query-${name}`;
      const integer = facts.type === 'integer';
      const input = attributes({
        type: integer ? 'number' : 'text',
        id,
        inputmode: integer ? 'numeric' : undefined,
        step: integer ? '1' : undefined,
        min: integer ? facts.minimum : undefined,
        max: integer ? facts.maximum : undefined,
        minlength: integer ? undefined : facts.minLength,
        maxlength: integer ? undefined : facts.maxLength,
        value: facts.default,
        required: facts.required === true,
        spellcheck: integer ? undefined : 'false',
        'data-query-key': key,
        'data-query-type': facts.type,
        'data-parameter': key,
        'aria-describedby': `${id}-help`,
      });
      const bounds = describeBounds(facts);
      const rules = [`${bounds[0]?.toUpperCase()}${bounds.slice(1)}`];
      if (facts.default !== undefined) {
        rules.push(`default ${facts.default}`);
      }
      if (facts.required) {
        rules.push('required (left empty, the client sends the default)');
      }
      const help = `${inlineMarkdown(parameter.description ?? '')} ${escapeHtml(rules.join('; '))}.`;
      return [
        '    <div class="field">',
        `      <label for="${id}">${escapeHtml(name)}</label>`,
        `      <input${input}>`,
        `      <p class="help" id="${id}-help">${help}</p>`,
        '    </div>',
      ].join('\n');
    })
    .join('\n');
}

/** The scenario picker's options: none (the mock's default answer), then each scenario's Prefer value. */
export function scenarioOptions(scenarios) {
  const none = '        <option value="">None: the mock\'s default answer</option>';
  const options = scenarios.map(
    ({ status, example, summary, prefer }) =>
      `        <option value="${escapeHtml(prefer)}">${escapeHtml(`${status} ${example}${summary ? `: ${summary}` : ''}`)}</option>`,
  );
  return [none, ...options].join('\n');
}
