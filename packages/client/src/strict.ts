// Strict mode, as its own entry point (`@sms-errors/client/strict`) so that clients that do not use it do
// not carry the schema: `createSmsClient({ ..., strict: strictResponses })`.
import { listErrorServersOkSchema } from './generated/response-schema.js';
import { findViolation } from './validate-response.js';

/** Checks a 200 body of ListErrorServers against the spec's schema; returns the first violation, if any. */
export const strictResponses = (body: unknown): string | undefined => findViolation(body, listErrorServersOkSchema);
