// Reads spec/error-codes.yaml and lists what is wrong with it: first its JSON Schema
// (error-codes.schema.json), then what a schema cannot say (a category that is not defined, placeholders that
// skip a number, a related code that is not in the catalogue). The spec's lint, its build and its tests all
// call this, so the catalogue is judged one way.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';

export const cataloguePath = new URL('../error-codes.yaml', import.meta.url);
const schemaPath = new URL('../error-codes.schema.json', import.meta.url);

/**
 * @typedef {{ status: number, category: string, message: string, action: string, see?: string[] }} CatalogueEntry
 * @typedef {{ categories: Record<string, unknown>, codes: Record<string, CatalogueEntry> }} Catalogue
 */

/**
 * The catalogue as a plain object (its shape is checked by catalogueProblems).
 * @param {string | URL} [path]
 * @returns {Catalogue}
 */
export function readCatalogue(path = cataloguePath) {
  return parse(readFileSync(path, 'utf8'));
}

/** The placeholder numbers of a message, in order of appearance: 'a {0} b {1}' -> [0, 1]. */
export function placeholders(message) {
  return [...message.matchAll(/\{(\d+)\}/g)].map((match) => Number(match[1]));
}

/**
 * Every problem of the catalogue, as one line each; an empty list when it is sound.
 * @param {Catalogue} catalogue
 * @returns {string[]}
 */
export function catalogueProblems(catalogue) {
  const ajv = new Ajv2020({ allErrors: true });
  const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
  if (!validate(catalogue)) {
    return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message}`);
  }
  /** @type {string[]} */
  const problems = [];
  const codes = Object.keys(catalogue.codes);
  const sorted = [...codes].sort();
  if (codes.join() !== sorted.join()) problems.push('codes are not in numeric order');
  for (const [code, entry] of Object.entries(catalogue.codes)) {
    if (!Object.hasOwn(catalogue.categories, entry.category)) {
      problems.push(`${code}: category "${entry.category}" is not one of the categories`);
    }
    // {0}, {1}, ... each used at least once and none skipped, so slot n always fills {n}.
    const used = [...new Set(placeholders(entry.message))].sort((a, b) => a - b);
    if (used.some((number, index) => number !== index)) {
      problems.push(`${code}: placeholders ${used.map((n) => `{${n}}`).join(' ')} do not run from {0} without a gap`);
    }
    if (/\{(?!\d+\})/.test(entry.message)) problems.push(`${code}: a brace that is not a {n} placeholder`);
    if (entry.action.trim() === '') problems.push(`${code}: the action is empty`);
    for (const related of entry.see ?? []) {
      if (related === code) problems.push(`${code}: lists itself under see`);
      else if (!Object.hasOwn(catalogue.codes, related)) problems.push(`${code}: see ${related}, which is not in the catalogue`);
    }
  }
  return problems;
}
