// Reads facts straight from the spec package's build (the spec with every $ref resolved, and the error-code
// catalogue), independently of the generated code, so tests show that the client follows the spec rather
// than a copy of it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const spec = JSON.parse(readFileSync(require.resolve('@sms-errors/spec/openapi.json'), 'utf8'));
export interface SpecErrorCode {
  status: number;
  category: string;
  message: string;
  action: string;
  see?: string[];
}
interface Texts<Fields extends string> {
  zh: Record<Fields, string>;
}
const built: {
  categories: Record<string, { title: string; description: string } & Texts<'title' | 'description'>>;
  codes: Record<string, SpecErrorCode & Texts<'message' | 'action'>>;
} = JSON.parse(readFileSync(require.resolve('@sms-errors/spec/error-codes.json'), 'utf8'));

/** Each entry of `record` without its Chinese texts (`zh`). */
function english<Entry extends { zh: unknown }>(record: Record<string, Entry>): Record<string, Omit<Entry, 'zh'>> {
  return Object.fromEntries(Object.entries(record).map(([key, { zh: _zh, ...entry }]) => [key, entry]));
}

/** spec/error-codes.yaml as the spec package builds it, in English: categories and codes. */
export const specCatalogue: {
  categories: Record<string, { title: string; description: string }>;
  codes: Record<string, SpecErrorCode>;
} = {
  categories: english(built.categories),
  codes: english(built.codes),
};
export const specErrorCodes: Record<string, SpecErrorCode> = specCatalogue.codes;

/** The catalogue's Chinese texts: each category's title and description, each code's message and action. */
export const specCatalogueZh = {
  categories: Object.fromEntries(Object.entries(built.categories).map(([key, entry]) => [key, entry.zh])),
  codes: Object.fromEntries(Object.entries(built.codes).map(([key, entry]) => [key, entry.zh])),
};

/** The schema of a query parameter of ListErrorServers, by wire name. */
export function querySchema(name: string): {
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  default?: unknown;
} {
  return spec.components.parameters[name].schema;
}
