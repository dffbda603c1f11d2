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
/** spec/error-codes.yaml as the spec package builds it: categories and codes. */
export const specCatalogue: { categories: Record<string, { title: string; description: string }>; codes: Record<string, SpecErrorCode> } = JSON.parse(
  readFileSync(require.resolve('@sms-errors/spec/error-codes.json'), 'utf8'),
);
export const specErrorCodes: Record<string, SpecErrorCode> = specCatalogue.codes;

/** The schema of a query parameter of ListErrorServers, by wire name. */
export function querySchema(name: string): { minimum?: number; maximum?: number; minLength?: number; maxLength?: number; pattern?: string; default?: unknown } {
  return spec.components.parameters[name].schema;
}
