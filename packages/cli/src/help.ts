// `sms-errors --help`. Regions and bounds come from the client's facts (knownRegions; bounds.ts), exit codes
// from exit-codes.ts and variable names from credentials.ts.
import { knownRegions } from '@sms-errors/client/facts';
import { flagBounds } from './bounds.js';
import { AKSK_VARIABLES, SECURITY_TOKEN_VARIABLE, TOKEN_VARIABLE } from './credentials.js';
import { ExitCode } from './exit-codes.js';

const bound = (text: string) => ` (${text})`;

export function helpText(): string {
  const b = flagBounds();
  return `Usage: sms-errors list [options]

List the source servers whose migration failed (Huawei Cloud SMS v3, GET /v3/errors),
with each error_json decoded into its SMS error code and message.

Where:
  --region R                   one of ${knownRegions.join(', ')}
  --endpoint URL               another base URL, such as the local mock http://127.0.0.1:4010

What:
  --limit N                    records per page${bound(b.limit)}; default: the service's
                               with --all: the page size${bound(b.pageSize)}; default: the largest
  --offset N                   record offset of the first record${bound(b.offset)}; default: the first
  --all                        every record from --offset on, page after page
  --concurrency N              with --all: pages requested at once${bound(b.concurrency)}; default 1
  --enterprise-project-id ID   only this enterprise project's servers${bound(b.enterpriseProjectId)}
  --project-id ID              project ID for AK/SK signing; overrides ${AKSK_VARIABLES[2]}

Output (stdout):
  --table                      aligned columns and a summary line (the default)
  --json                       {"count", "migration_errors": [record + "decoded"]}

  -h, --help                   this text
  --version                    the version

Credentials come only from the environment, never from flags:
  ${TOKEN_VARIABLE}               an IAM token (X-Auth-Token)
  ${AKSK_VARIABLES.join(', ')}
                               AK/SK request signing (wins over the token);
                               ${SECURITY_TOKEN_VARIABLE} as well for temporary keys

NO_COLOR=1 (or output that is not a terminal) turns colour off.

Exit codes:
  ${ExitCode.ok}    success
  ${ExitCode.internal}    unexpected error (a bug)
  ${ExitCode.usage}    usage: bad flag or value (out of the API's bounds included)
  ${ExitCode.auth}    credentials missing or malformed, or the service answered 401/403
  ${ExitCode.api}    the service answered another error status
  ${ExitCode.network}    no answer: connection failed or timed out (after retries)
  ${ExitCode.pagination}    --all: the pages disagreed with the announced count
  ${ExitCode.response}    the service answered 2xx with a body that is not the documented JSON
  ${ExitCode.interrupted}  interrupted (Ctrl-C)

Examples:
  SMS_AUTH_TOKEN=any sms-errors list --endpoint http://127.0.0.1:4010
  SMS_AUTH_TOKEN=any sms-errors list --endpoint http://127.0.0.1:4011 --all --concurrency 4 --json
  sms-errors list --region ${knownRegions[0]} --limit 20 --offset 40    # with ${TOKEN_VARIABLE} set
`;
}
