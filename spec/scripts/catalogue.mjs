// Reads spec/error-codes.yaml and lists what is wrong with it: first its JSON Schema
// (error-codes.schema.json), then what a schema cannot say (a category that is not defined, placeholders that
// skip a number, a related code that is not in the catalogue, a Chinese text that does not match its English
// one). The spec's lint, its build and its tests all call this, so the catalogue is judged one way.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';

export const cataloguePath = new URL('../error-codes.yaml', import.meta.url);
const schemaPath = new URL('../error-codes.schema.json', import.meta.url);

/**
 * @typedef {{ status: number, category: string, message: string, action: string, see?: string[], zh: { message: string, action: string } }} CatalogueEntry
 * @typedef {{ title: string, description: string, zh: { title: string, description: string } }} CatalogueCategory
 * @typedef {{ categories: Record<string, CatalogueCategory>, codes: Record<string, CatalogueEntry> }} Catalogue
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

// A Chinese text shows at least one Han character: an untranslated text has none.
const hanCharacter = /\p{Script=Han}/u;

// Four or more Latin words in a row (spaces or commas between them) are a leftover English sentence when one
// of them is an English function word. Technical tokens stay in Latin script in Chinese texts (SMS.0203,
// "diskpart", "attributes disk clear readonly", "tc qdisc del dev eth0", "Cloud Migration Service"), and
// commands and product names carry no articles, pronouns or conjunctions, so they pass.
const latinWordRun = /[A-Za-z][A-Za-z'-]*(?:[ ,]+[A-Za-z][A-Za-z'-]*){3,}/g;
const englishFunctionWords = new Set(
  'a an the and or but if then than to of in on at by for from with without into onto is are was were be been it its this that these those you your we our do does not no can cannot must should will when while before after until as so there here which what who'.split(
    ' ',
  ),
);

/**
 * The first English sentence left in a Chinese text, or undefined: a run of four or more Latin words of which
 * at least one is an English function word ("Retry the task", "check that the port is open").
 * @param {string} text
 */
export function englishSentenceIn(text) {
  for (const [run] of text.matchAll(latinWordRun)) {
    const words = run.split(/[ ,]+/).map((word) => word.toLowerCase());
    if (words.some((word) => englishFunctionWords.has(word))) {
      return run;
    }
  }
  return undefined;
}

/**
 * What is wrong with one Chinese text, as a phrase; undefined when nothing is.
 * @param {string} text
 */
function chineseTextProblem(text) {
  if (!hanCharacter.test(text)) {
    return 'has no Chinese characters';
  }
  const english = englishSentenceIn(text);
  if (english !== undefined) {
    return `leaves an English sentence: "${english}"`;
  }
  return undefined;
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
  for (const [name, category] of Object.entries(catalogue.categories)) {
    for (const field of /** @type {const} */ (['title', 'description'])) {
      const problem = chineseTextProblem(category.zh[field]);
      if (problem) {
        problems.push(`category ${name}: zh.${field} ${problem}`);
      }
    }
  }
  const codes = Object.keys(catalogue.codes);
  const sorted = [...codes].sort();
  if (codes.join() !== sorted.join()) {
    problems.push('codes are not in numeric order');
  }
  for (const [code, entry] of Object.entries(catalogue.codes)) {
    if (!Object.hasOwn(catalogue.categories, entry.category)) {
      problems.push(`${code}: category "${entry.category}" is not one of the categories`);
    }
    // {0}, {1}, ... each used at least once and none skipped, so slot n always fills {n}.
    const used = [...new Set(placeholders(entry.message))].sort((a, b) => a - b);
    if (used.some((number, index) => number !== index)) {
      problems.push(`${code}: placeholders ${used.map((n) => `{${n}}`).join(' ')} do not run from {0} without a gap`);
    }
    if (/\{(?!\d+\})/.test(entry.message)) {
      problems.push(`${code}: a brace that is not a {n} placeholder`);
    }
    if (entry.action.trim() === '') {
      problems.push(`${code}: the action is empty`);
    }
    // The decoder fills the Chinese message from the same error_param, so its slots are the English ones.
    const englishSlots = placeholders(entry.message)
      .map((n) => `{${n}}`)
      .join(' ');
    const chineseSlots = placeholders(entry.zh.message)
      .map((n) => `{${n}}`)
      .join(' ');
    if (chineseSlots !== englishSlots) {
      problems.push(`${code}: zh.message has slots "${chineseSlots}" where the message has "${englishSlots}"`);
    }
    if (/\{(?!\d+\})/.test(entry.zh.message)) {
      problems.push(`${code}: a brace in zh.message that is not a {n} placeholder`);
    }
    for (const field of /** @type {const} */ (['message', 'action'])) {
      const problem = chineseTextProblem(entry.zh[field]);
      if (problem) {
        problems.push(`${code}: zh.${field} ${problem}`);
      }
    }
    for (const related of entry.see ?? []) {
      if (related === code) {
        problems.push(`${code}: lists itself under see`);
      } else if (!Object.hasOwn(catalogue.codes, related)) {
        problems.push(`${code}: see ${related}, which is not in the catalogue`);
      }
    }
  }
  return problems;
}
