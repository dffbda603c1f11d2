// `sms-errors --help`. Regions and bounds come from the client's facts (knownRegions; bounds.ts), exit codes
// from exit-codes.ts and variable names from credentials.ts.
import { knownRegions } from '@sms-errors/client/facts';
import { flagBounds } from './bounds.js';
import { AKSK_VARIABLES, SECURITY_TOKEN_VARIABLE, TOKEN_VARIABLE } from './credentials.js';
import { ExitCode } from './exit-codes.js';
import { SERVERS_SHOWN } from '../commands/summary/format-summary.js';
import { LIST_CSV_HEADER } from '../commands/list/list-output.js';

const bound = (text: string) => ` (${text})`;

export function helpText(): string {
  const b = flagBounds();
  return `Usage: sms-errors list [options]
       sms-errors summary [options]
       sms-errors explain CODE...

Which source servers failed to migrate (Huawei Cloud SMS v3, GET /v3/errors), why, and what to do:
each error_json is decoded into its SMS error code, message, category and action.

Commands:
  list                         the failed servers, one row each (one page, or every page with --all)
  summary                      every page, grouped by error code, most affected servers first: code,
                               category, servers, message, action, the first ${SERVERS_SHOWN} servers; then a
                               total per category. Codes the catalogue lacks are grouped too, marked unknown
  explain CODE...              the catalogue's entry of each code (SMS.2802, sms.2802 or 2802): category,
                               HTTP status, message, action, related codes. No network, no credentials

Where (list, summary):
  --region R                   one of ${knownRegions.join(', ')}
  --endpoint URL               another base URL, such as the local mock http://127.0.0.1:4010

What (list, summary):
  --limit N                    list: records per page${bound(b.limit)}; default: the service's
                               with --all: the page size${bound(b.pageSize)}; default: the largest
  --offset N                   list: record offset of the first record${bound(b.offset)}; default: the first
  --all                        list: every record from --offset on, page after page
  --concurrency N              list --all, summary: pages requested at once${bound(b.concurrency)}; default 1
  --enterprise-project-id ID   only this enterprise project's servers${bound(b.enterpriseProjectId)}
  --project-id ID              project ID for AK/SK signing; overrides ${AKSK_VARIABLES[2]} (not with a token)

Output (stdout):
  --output table               list: aligned columns and a summary line; summary, explain: text blocks
                               (the default)
  --output json                list: {"count", "migration_errors": [record + "decoded"]};
                               summary: {"count", "codes", "categories", "unknown", "unreadable"};
                               explain: [entry, ...]
  --output ndjson              one JSON object per line: a record (list), a code group (summary),
                               an entry (explain)
  --output csv                 RFC 4180 with a header row; one row per server (list), per code (summary,
                               explain); a cell starting with = + - @ tab or CR is prefixed with '
                               list's columns: ${LIST_CSV_HEADER.join(',')}
  --json, --table              the same as --output json, --output table
  -o F                         the same as --output F
  --wide                       table: every cell whole. Otherwise the table fits COLUMNS when set, else the
                               terminal's width (cut with …); a pipe or a file gets every cell whole

  -h, --help                   this text
  --version                    the version

Credentials (list, summary) come only from the environment, never from flags:
  ${TOKEN_VARIABLE}               an IAM token (X-Auth-Token)
  ${AKSK_VARIABLES.join(', ')}
                               AK/SK request signing (wins over the token);
                               ${SECURITY_TOKEN_VARIABLE} as well for temporary keys

NO_COLOR=1 (or output that is not a terminal) turns colour off. COLUMNS=N sets the table's width.

Exit codes:
  ${ExitCode.ok}    success
  ${ExitCode.internal}    unexpected error (a bug)
  ${ExitCode.usage}    usage: bad flag or value (out of the API's bounds included)
  ${ExitCode.auth}    credentials missing or malformed, or the service answered 401/403
  ${ExitCode.api}    the service answered another error status
  ${ExitCode.network}    no answer: connection failed or timed out (after retries)
  ${ExitCode.pagination}    --all, summary: the pages disagreed with the announced count
  ${ExitCode.response}    the service answered 2xx with a body that is not the documented JSON
  ${ExitCode.unknownCode}    explain: a code is not in the catalogue (the known ones are still printed)
  ${ExitCode.interrupted}  interrupted (Ctrl-C)

Examples:
  SMS_AUTH_TOKEN=any sms-errors summary --endpoint http://127.0.0.1:4011
  sms-errors explain SMS.2802 SMS.0807
  SMS_AUTH_TOKEN=any sms-errors list --endpoint http://127.0.0.1:4011 --all --output csv > failed.csv
  SMS_AUTH_TOKEN=any sms-errors list --endpoint http://127.0.0.1:4011 --all --concurrency 4 --json
  sms-errors list --region ${knownRegions[0]} --limit 20 --offset 40    # with ${TOKEN_VARIABLE} set
`;
}
