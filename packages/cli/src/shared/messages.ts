// Every sentence, heading, label and unit the CLI prints of its own, in English and in Simplified Chinese: one
// table per language with the same keys (the type makes a missing Chinese key a compile error). A command
// takes the table of the run's language (`messagesFor`) and never writes text of its own, so a new command
// is translated by adding keys here. Catalogue texts (messages, actions, category titles) come from the
// client's decode entry in the same language; API facts (regions, bounds, variable names) are passed in.

import { describeClockSkew, maxClockSkewSeconds } from '@sms-errors/client/env';

/** The languages of the CLI's output. */
export const LANGUAGES = ['en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

/** What the help text quotes from elsewhere (the client's facts, the exit codes, the CSV columns). */
export interface HelpFacts {
  regions: readonly string[];
  bounds: { limit: string; offset: string; enterpriseProjectId: string; pageSize: string; concurrency: string };
  serversShown: number;
  listCsvHeader: readonly string[];
  tokenVariable: string;
  akskVariables: readonly string[];
  securityTokenVariable: string;
  iamVariables: readonly string[];
  iamProjectVariable: string;
  iamEndpointVariable: string;
  credentialsFileVariable: string;
  profileVariable: string;
  profileFile: { path: string; section: string };
  kooCli: { path: string; plainMode: string };
  forcibleSources: readonly string[];
  exitCodes: Record<
    | 'ok'
    | 'internal'
    | 'usage'
    | 'auth'
    | 'api'
    | 'network'
    | 'pagination'
    | 'response'
    | 'unknownCode'
    | 'changes'
    | 'interrupted',
    number
  >;
  /** diff and watch: the classes of --fail-on, and watch's default interval. */
  failOn: readonly string[];
  defaultInterval: string;
}

const enNumber = (n: number) => n.toLocaleString('en-US');

// How to fix a clock the gateway refused: the same advice in the error line and in doctor's clock check.
const CLOCK_HINT_EN =
  'set the clock from NTP (timedatectl set-ntp true, or chronyc makestep; on Windows, w32tm /resync), not the time zone';
const CLOCK_HINT_ZH =
  '请用 NTP 校准本机时钟（timedatectl set-ntp true 或 chronyc makestep；Windows 上用 w32tm /resync），而不是修改时区';

/** The names the credentials hint quotes (from the client's facts). */
export interface CredentialHintFacts {
  token: string;
  aksk: readonly string[];
  securityToken: string;
  iam: readonly string[];
  profileFile: string;
  kooCli: string;
}

const en = {
  // Block labels of explain and summary, and the cells they take (the widest label and a space).
  labelMessage: 'Message:',
  labelAction: 'Action:',
  labelSeeAlso: 'See also:',
  labelServers: 'Servers:',
  labelWidth: 10,

  // explain
  unknownCode: 'unknown code',
  notInCatalogue: (size: number) =>
    `not in the catalogue of ${size} codes (Huawei's current table and the SMS FAQ); nothing is guessed`,
  unknownCodes: (codes: readonly string[], size: number): string =>
    `${codes.length === 1 ? 'unknown code' : 'unknown codes'} ${codes.join(', ')}: not in the catalogue of ${size} codes`,

  // summary
  servers: (n: number) => `${enNumber(n)} ${n === 1 ? 'server' : 'servers'}`,
  unreadableErrorJson: 'unreadable error_json',
  unreadableGroupMessage: 'error_json could not be read; the reason is shown with each server',
  unknownGroupMessage: 'not in the catalogue; each server is shown with its parameters',
  andMore: (n: number) => `and ${enNumber(n)} more`,
  byCategory: 'By category:',
  unknownCodesTotal: 'Unknown codes',
  unreadableTotal: 'Unreadable error_json',
  /** The units of the per-category columns: a count, then its word. */
  serverUnit: (n: number): string => (n === 1 ? 'server' : 'servers'),
  codeUnit: (n: number): string => (n === 1 ? 'code' : 'codes'),
  summaryTotal: (servers: number, codes: number, unknown: number) =>
    `${enNumber(servers)} ${servers === 1 ? 'failed source server' : 'failed source servers'} with ${enNumber(codes)} ${codes === 1 ? 'error code' : 'error codes'}${unknown > 0 ? ` (${unknown} unknown)` : ''}`,
  noFailedServers: 'no failed source servers',
  /** summary --since: a group's mark, a server's mark, and the line under the totals. */
  sinceGroupMark: (mark: 'new' | 'changed'): string => mark.toUpperCase(),
  sinceServerMark: (mark: 'new' | 'changed'): string => mark,
  sinceLine: (snapshot: string, added: number, changed: number, resolved: number) =>
    `Since ${snapshot}: ${enNumber(added)} new, ${enNumber(changed)} changed, ${enNumber(resolved)} resolved`,

  // diff's table (the change words of ndjson, csv and watch's lines stay English, like codes)
  diffSection: (change: 'new' | 'changed' | 'resolved', n: number) => `${change.toUpperCase()} (${enNumber(n)})`,
  columnCategory: 'CATEGORY',
  columnAction: 'ACTION',
  diffUnchanged: (n: number) => `${enNumber(n)} unchanged`,
  diffNoChanges: (n: number) => `no changes: ${enNumber(n)} unchanged`,
  diffUnreadableAction: 'error_json cannot be read',
  diffUnknownAction: 'not in the catalogue',

  // diff's and summary --since's snapshots, and watch's state file (usage errors, exit code 2, and warnings)
  snapshotNeedsFile: (flag: string) => `${flag} needs a snapshot file (or - for stdin)`,
  diffArguments: 'diff takes BEFORE [AFTER]: two snapshot files, or one and the live listing (- reads stdin)',
  oneStdin: 'only one of BEFORE and AFTER can be - (stdin)',
  snapshotNamesFile: 'a snapshot argument must name a file (or - for stdin)',
  diffTwoSnapshots: (flag: string) => `--${flag} applies to the live listing, and diff was given two snapshots`,
  cannotReadSnapshot: (file: string, code: string | undefined) =>
    `cannot read ${file}${code === 'ENOENT' ? ': no such file' : code ? ` (${code})` : ''}`,
  /** `reason` is the client's (readSnapshot), as it gives it. */
  notASnapshot: (file: string, reason: string) => `${file} is not a snapshot: ${reason}`,
  partialSnapshot: (file: string, held: number, announced: number) =>
    `${file} holds ${held} of the ${announced} servers its listing announced (one page?): the others show as new or resolved`,
  liveListing: 'the live listing',
  /** The word before a warning on stderr (`sms-errors: warning: ...`). */
  warning: 'warning',
  duplicateIdentity: (identity: string, before: number, beforeName: string, after: number, afterName: string) =>
    `${identity} is held by ${before} record(s) in ${beforeName} and ${after} in ${afterName}: left out of the comparison, not merged`,
  stateName: 'the state',
  sweepName: 'this sweep',
  stateUnreadable: (reason: string) =>
    `state ${reason}; it is left as it is (move it aside, or start afresh with --baseline after removing it)`,
  stateUnwritable: (file: string, code: string | undefined) =>
    `cannot write the state ${file}${code ? ` (${code})` : ''}; the previous state is left as it was`,

  // watch
  watchNeedsState: 'watch needs --state FILE: where the last sweep is kept between runs',
  watchFormats: (format: string) => `watch prints lines (the default) or --output ndjson, not ${format}`,
  webhookNotUrl: '--webhook must be an absolute http(s) URL',
  webhookCredentials: '--webhook must not carry user:password@',
  intervalRange: '--interval must be from 10s to 24h, such as 30s, 5m or 1h (a bare number is seconds)',
  sweepFailed: (at: string, message: string) => `${at} sweep failed: ${message}; the state is unchanged`,
  baselineRecorded: (at: string, n: number, state: string) =>
    `${at} baseline: ${n} failing servers recorded in ${state}`,
  webhookFailed: (at: string, webhook: string, attempts: number, reason: string) =>
    `${at} webhook ${webhook} failed after ${attempts} attempt(s): ${reason}`,
  webhookNoAnswer: (seconds: number) => `no answer within ${seconds} s`,
  /** The status line between sweeps (durations such as 5m or 4.2s). */
  statusLine: (next: string, took: string, failing: number) =>
    `next sweep in ${next}, last sweep took ${took}, ${failing} failing (Ctrl-C stops)`,
  /** The code column of diff's table and watch's lines for an error_json that cannot be read. */
  unreadableCodeCell: '(unreadable)',

  // doctor: a check's name and result in the table (JSON keeps the English names), what was found, what to do
  doctorCheck: (name: 'runtime' | 'endpoint' | 'credentials' | 'clock' | 'request'): string => name,
  doctorOk: 'ok',
  doctorFail: 'FAIL',
  doctorRuntime: (version: string, platform: string, arch: string) => `Node ${version} on ${platform} ${arch}`,
  doctorInstallNode: (oldest: string) => `install Node ${oldest} or later`,
  doctorGiveWhere: 'give --region or --endpoint',
  doctorCredentialsGuide: 'see the credentials guide',
  doctorEndpoint: (baseUrl: string, region: string | undefined, regionFrom: string | undefined) =>
    `${baseUrl}${region ? ` (region ${region}${regionFrom ? `, from ${regionFrom}` : ''})` : ''}`,
  /** `detail` and the reasons in `skipped` are the client's account of each source. */
  doctorCredentials: (source: string, detail: string, skipped: string) =>
    `${source}: ${detail}${skipped ? ` (before it: ${skipped})` : ''}`,
  doctorNoDate: 'the endpoint sent no Date to compare with',
  doctorClockWithin: (seconds: number) => `the local clock is within ${seconds} s of the endpoint's`,
  doctorClockOff: (skewMs: number) => describeClockSkew(skewMs),
  doctorRequestOk: (latencyMs: number, requestId: string | undefined) =>
    `GET /v3/errors?limit=1: 200 in ${latencyMs} ms${requestId ? `, request id ${requestId}` : ''}`,
  doctorRequestFailed: (status: string, latencyMs: number, message: string) =>
    `GET /v3/errors?limit=1: ${status}in ${latencyMs} ms: ${message}`,
  doctorCheckPermissions: 'check the credentials and their permissions',
  requestFailed: (cause: string) => `request failed: ${cause}`,
  /** The client's account of a credential source (why it was passed over, what won, a file's warning), as it gives it. */
  credentialSourceText: (text: string) => text,

  // list
  columnName: 'NAME',
  columnHostName: 'HOST NAME',
  columnSourceIp: 'SOURCE IP',
  columnTargetIp: 'TARGET IP',
  columnErrorCode: 'ERROR CODE',
  columnMessage: 'MESSAGE',
  unknownCodeCell: (params: readonly string[]): string =>
    params.length > 0 ? `unknown code; params: ${params.join(', ')}` : 'unknown code',
  listFooter: (shown: number, count: number, nextOffset: number | undefined) =>
    `showing ${shown} of ${count} failed source servers${nextOffset === undefined ? '' : ` (next page: --offset ${nextOffset}, or --all)`}`,
  /** The footer's note on the columns a narrow table left out because they add nothing to its rows. */
  hostNameLeftOut: 'HOST NAME not shown: the same as NAME, or missing, on every row',
  targetIpLeftOut: 'TARGET IP not shown: missing on every row',
  leftOutColumns: (notes: readonly string[]) => `${notes.join('; ')} (--wide shows every column)`,
  progress: (received: number, count: number) => `fetching failed source servers: ${received} of ${count}`,
  /** Why an error_json could not be read: the client's reason, as it gives it. */
  unreadableReason: (reason: string) => reason,

  // Usage errors (exit code 2)
  unknownOption: (flag: string) => `unknown option ${flag} (see sms-errors --help)`,
  secretOption: (flag: string, hint: string) =>
    `unknown option ${flag}: credentials come only from the environment: ${hint}`,
  takesNoValue: (flag: string) => `${flag} takes no value`,
  needsValueDash: (flag: string) => `${flag} needs a value (for a value starting with '-', write ${flag}=VALUE)`,
  needsValue: (flag: string) => `${flag} needs a value`,
  cannotRead: 'cannot read the command line (see sms-errors --help)',
  mustBeOneOf: (flag: string, values: readonly string[]) => `${flag} must be one of ${values.join(', ')}`,
  emptyFlag: (flag: string) => `${flag} must not be empty`,
  doctorFormats: 'doctor prints --output table or json',
  needsNumber: (flag: string) => `--${flag} needs a number`,
  oneOutput: 'give one of --output FORMAT, --json and --table, not several',
  outputOneOf: (formats: readonly string[]) => `--output must be one of ${formats.join(', ')}`,
  wideOnlyTable: (format: string) => `--wide only applies to table output, not --output ${format}`,
  langOneOf: (languages: readonly string[]) => `--lang must be one of ${languages.join(', ')}`,
  missingCommand: (commands: readonly string[]) =>
    `missing command: try sms-errors ${commands.join(', sms-errors ')} (see sms-errors --help)`,
  unknownCommand: (commands: readonly string[]) =>
    `unknown command: the commands are ${commands.join(', ')} (see sms-errors --help)`,
  flagNotFor: (flag: string, command: string, why: string) => `--${flag} does not apply to ${command}: ${why}`,
  summaryReadsAll: 'summary reads every page, from the first',
  explainOffline: 'explain reads the catalogue only, with no network and no credentials',
  diffWholeListings: 'diff compares whole listings (the live one is read from the first page)',
  watchSweepsAll: 'watch sweeps every page from the first, and prints one line per change',
  seeHelp: 'see sms-errors --help',
  explainNeedsCodes: 'explain needs one or more error codes, such as sms-errors explain SMS.2802',
  noArguments: (command: string, extra: number) =>
    `${command} takes no arguments, only flags (got ${extra} more; see sms-errors --help)`,
  regionOrEndpoint: 'give --region or --endpoint, not both',
  concurrencyNeedsAll: '--concurrency only applies with --all',
  emptyProjectId: '--project-id must not be empty',
  endpointNotUrl: '--endpoint must be an absolute http(s) URL, such as http://127.0.0.1:4010',
  endpointCredentials: '--endpoint must not carry credentials (user:password@); they come from the environment',
  endpointQuery: '--endpoint must not have a query (?) or a fragment (#): the API path and query are added to it',
  endpointBlockedPort: (port: string) =>
    `--endpoint names port ${port}, which the Fetch standard blocks: fetch would refuse it without sending`,
  projectIdWithToken: (tokenVariable: string) =>
    `--project-id applies to AK/SK credentials only; with ${tokenVariable} the token's own project is used (drop --project-id, or use AK/SK)`,
  giveRegion: (regions: readonly string[]) => `give --region (one of ${regions.join(', ')}) or --endpoint URL`,
  regionOneOf: (regions: readonly string[]) => `--region must be one of ${regions.join(', ')} (or give --endpoint URL)`,
  /** A value outside the API's bounds: `--limit must be an integer from 1 to 2000`. */
  mustBe: (name: string, expected: string) => `${name} must be ${expected}`,
  /** A bound as the client states it (describeBounds: `an integer from 1 to 2000`), in this language. */
  expected: (bound: string) => bound,

  // Credentials and the service (exit codes 3 to 7, 130)
  credentialsHint: (v: CredentialHintFacts) =>
    `set ${v.token}, or ${v.aksk.join(', ')} (and ${v.securityToken} for temporary keys), ` +
    `or ${v.iam.join(', ')}; or keep them in ${v.profileFile} or a KooCLI profile (${v.kooCli})`,
  /** `tried` is the client's account of each source it looked at. */
  noCredentials: (hint: string, tried: string) => `no credentials: ${hint} (tried ${tried})`,
  credentialsInvalid: (message: string) => message,
  checkCredentials: (message: string) => `${message}; check the credentials and their permissions`,
  clockHint: CLOCK_HINT_EN,
  clockRefused: (message: string) => `${message}; ${CLOCK_HINT_EN}`,
  serviceError: (message: string) => message,
  noAnswer: (host: string | undefined, message: string, attempts: number) =>
    `no answer from ${host ?? 'the service'}: ${message} (attempts: ${attempts})`,
  paginationStoppedAfter: (received: number, parameter: string, expected: string) =>
    `pagination stopped after ${received} records: the next page's ${parameter} must be ${expected}`,
  paginationStopped: (message: string) => `pagination stopped: ${message}`,
  badResponse: (message: string) => message,
  interrupted: 'interrupted',
  unexpected: (name: string, message: string) => `unexpected ${name}: ${message}`,

  help: (f: HelpFacts) => `Usage: sms-errors list [options]
       sms-errors summary [options]
       sms-errors explain CODE...
       sms-errors doctor [options]
       sms-errors diff BEFORE [AFTER] [options]
       sms-errors watch --state FILE [options]

Which source servers failed to migrate (Huawei Cloud SMS v3, GET /v3/errors), why, and what to do:
each error_json is decoded into its SMS error code, message, category and action.

Commands:
  list                         the failed servers, one row each (one page, or every page with --all)
  summary                      every page, grouped by error code, most affected servers first: code,
                               category, servers, message, action, the first ${f.serversShown} servers; then a
                               total per category. Codes the catalogue lacks are grouped too, marked unknown
  explain CODE...              the catalogue's entry of each code (SMS.2802, sms.2802 or 2802): category,
                               HTTP status, message, action, related codes. No network, no credentials
  diff BEFORE [AFTER]          what changed between two snapshots (files, - for stdin), or between one and
                               the live listing (every page; the flags and credentials of list): new,
                               changed (another code or other parameters), resolved, and the unchanged count.
                               A snapshot is what list --all --output json or ndjson printed, or a saved
                               API page {count, migration_errors}. A server is known by its source_id, or by
                               name and source_ip where source_id is empty
  watch --state FILE           sweep every page each --interval, print each change since the last sweep
                               (time, change, name, source IP, code, message) and save the sweep in FILE
  doctor                       one line per check: the runtime, the endpoint and region, which credential
                               source won (and why those before it did not), the clock against the
                               endpoint's, one request (limit=1) with its status, request id and latency;
                               exits with the first failure's code (--output table or json)

Where (list, summary, doctor):
  --region R                   one of ${f.regions.join(', ')}
  --endpoint URL               another base URL, such as the local mock http://127.0.0.1:4010

What (list, summary):
  --limit N                    list: records per page (${f.bounds.limit}); default: the service's
                               with --all: the page size (${f.bounds.pageSize}); default: the largest
  --offset N                   list: record offset of the first record (${f.bounds.offset}); default: the first
  --all                        list: every record from --offset on, page after page
  --concurrency N              list --all, summary: pages requested at once (${f.bounds.concurrency}); default 1
  --enterprise-project-id ID   only this enterprise project's servers (${f.bounds.enterpriseProjectId})
  --project-id ID              project ID for AK/SK signing; overrides ${f.akskVariables[2]} (not with a token)
  --credentials-source S       use only this source: ${f.forcibleSources.join(', ')} (ecs: an ECS agency from the
                               metadata service, never tried otherwise; SMS_METADATA_ENDPOINT moves it)
  --profile NAME               the KooCLI profile (default ${f.profileVariable}, else the current one)
  --since SNAPSHOT             summary: mark each code group and server new or changed since SNAPSHOT

Changes (diff, watch; the listing flags above apply to their live listing):
  --fail-on CLASS              exit ${f.exitCodes.changes} when there are changes of CLASS: ${f.failOn.join(', ')} (any: new,
                               changed or resolved); watch stops after saving that sweep
  --all                        diff: ndjson and csv print the unchanged servers too
  --interval T                 watch: time between sweeps, 10s to 24h, such as 30s, 5m, 1h (default ${f.defaultInterval})
  --once                       watch: one sweep, print, save, exit (for cron)
  --baseline                   watch: with no state file yet, record the first sweep without printing it
                               (without it, the first sweep prints every failing server as new)
  --webhook URL                watch: POST each non-empty change set as JSON {"at", "endpoint", "new",
                               "resolved", "changed"} (10 s timeout, 2 retries, no credentials sent)

Output (stdout):
  --output table               list: aligned columns and a summary line; summary, explain: text blocks
                               (the default)
  --output json                list: {"count", "migration_errors": [record + "decoded"]};
                               summary: {"count", "codes", "categories", "unknown", "unreadable"};
                               explain: [entry, ...]
  --output ndjson              one JSON object per line: a record (list), a code group (summary),
                               an entry (explain), a changed server with "change" (diff, watch)
  --output csv                 RFC 4180 with a header row; one row per server (list), per code (summary,
                               explain); a cell starting with = + - @ tab or CR is prefixed with '
                               list's columns: ${f.listCsvHeader.join(',')}
  --json, --table              the same as --output json, --output table
  -o F                         the same as --output F
  --wide                       table: every cell whole. Otherwise the table fits COLUMNS when set, else the
                               terminal's width (cut with …); a pipe or a file gets every cell whole
  --lang en|zh                 the language of the output (catalogue texts included; JSON keys and CSV
                               headers stay English). Default: from LC_ALL, else LC_MESSAGES, else LANG
                               (zh... is Chinese), else English

  -h, --help                   this text (sms-errors --help --lang zh: in Chinese)
  --version                    the version

Credentials (list, summary, doctor) never come from flags. The first complete source wins:
  ${f.akskVariables.join(', ')}
                               AK/SK request signing (wins over the token);
                               ${f.securityTokenVariable} as well for temporary keys
  ${f.tokenVariable}               an IAM token (X-Auth-Token)
  ${f.iamVariables.join(', ')}
                               an IAM user: a token from IAM (${f.iamProjectVariable}: project, default the
                               region; ${f.iamEndpointVariable} moves IAM)
  ~/${f.profileFile.path.padEnd(26)} Huawei's SDK profile file, [${f.profileFile.section}] (or ${f.credentialsFileVariable})
  ~/${f.kooCli.path.padEnd(26)} KooCLI's ${f.kooCli.plainMode} profile with plain-text keys (its region is used when
                               neither --region nor --endpoint is given)

NO_COLOR=1 (or output that is not a terminal) turns colour off. COLUMNS=N sets the table's width.

Exit codes:
  ${f.exitCodes.ok}    success
  ${f.exitCodes.internal}    unexpected error (a bug)
  ${f.exitCodes.usage}    usage: bad flag or value (out of the API's bounds included); a snapshot or state
       file that cannot be read or written
  ${f.exitCodes.auth}    credentials missing or malformed, or the service answered 401/403
  ${f.exitCodes.api}    the service answered another error status
  ${f.exitCodes.network}    no answer: connection failed or timed out (after retries)
  ${f.exitCodes.pagination}    --all, summary: the pages disagreed with the announced count
  ${f.exitCodes.response}    the service answered 2xx with a body that is not the documented JSON
  ${f.exitCodes.unknownCode}    explain: a code is not in the catalogue (the known ones are still printed)
  ${f.exitCodes.changes}    diff, watch: --fail-on found changes of that class (the changes are still printed)
  ${f.exitCodes.interrupted}  interrupted (Ctrl-C)

Examples:
  SMS_AUTH_TOKEN=any sms-errors summary --endpoint http://127.0.0.1:4011
  sms-errors explain SMS.2802 SMS.0807
  SMS_AUTH_TOKEN=any sms-errors list --endpoint http://127.0.0.1:4011 --all --output csv > failed.csv
  SMS_AUTH_TOKEN=any sms-errors list --endpoint http://127.0.0.1:4011 --all --concurrency 4 --json
  sms-errors list --region ${f.regions[0]} --limit 20 --offset 40    # with ${f.tokenVariable} set
  sms-errors list --region ${f.regions[0]} --all --json > monday.json; sms-errors diff monday.json --region ${f.regions[0]}
  sms-errors watch --state ~/.sms-errors-state.json --region ${f.regions[0]} --once --fail-on new
`,
};

export type Messages = typeof en;

const zhNumber = (n: number) => n.toLocaleString('en-US');

// The client's reasons for an error_json it cannot read (decode-core.ts), in Chinese; another reason, which
// would be a new one of the client's, is shown as the client gives it.
const unreadableReasonsZh: Record<string, string> = {
  'error_json is not JSON': 'error_json 不是 JSON',
  'error_json has no error_code string': 'error_json 中没有字符串类型的 error_code',
  'error_param is not a JSON array': 'error_param 不是 JSON 数组',
  'error_param is not an array of strings': 'error_param 不是字符串数组',
};

// The client states a bound in one of three shapes (value-bounds.ts, describeBounds); any other is shown as
// the client gives it.
function boundZh(bound: string): string {
  const shapes: [RegExp, (...numbers: string[]) => string][] = [
    [/^a string of (\d+) to (\d+) characters$/, (min, max) => `${min} 到 ${max} 个字符的字符串`],
    [/^an integer of at least (-?\d+)$/, (min) => `不小于 ${min} 的整数`],
    [/^an integer from (-?\d+) to (-?\d+)$/, (min, max) => `${min} 到 ${max} 之间的整数`],
  ];
  for (const [shape, say] of shapes) {
    const match = shape.exec(bound);
    if (match) {
      return say(...match.slice(1));
    }
  }
  return bound;
}

// The client's account of the credential chain (credential-chain.ts, profile-file.ts, koocli-config.ts,
// credential-files.ts, iam-token.ts) comes in a few shapes; each `source: reason` of a list is said on its
// own, and any other text is shown as the client gives it.
function credentialSourceZh(text: string): string {
  const shapes: [RegExp, (...parts: string[]) => string][] = [
    [/^no (\S+)\/(\S+) or (\S+)$/, (ak, sk, token) => `没有 ${ak}/${sk}，也没有 ${token}`],
    [/^no (\S+)$/, (what) => `没有 ${what}`],
    [
      /^warning: (.+) holds a secret key and other users can access it \(mode (\d+)\): chmod 600 (.+)$/,
      (path, mode, again) =>
        `警告: ${path} 中有私密密钥，而其他用户也能访问它（权限 ${mode}）：请执行 chmod 600 ${again}`,
    ],
    [
      /^(\S+) \(IAM user "(.*)" of account "(.*)", project "(.*)", at (\S+)\)$/,
      (variable, user, account, project, at) =>
        `${variable}（IAM 用户 "${user}"，账号 "${account}"，项目 "${project}"，IAM 地址 ${at}）`,
    ],
    [/^the ECS agency \(metadata service(?: at (\S+))?\)$/, (at) => `ECS 委托（元数据服务${at ? ` ${at}` : ''}）`],
  ];
  const say = (reason: string) => {
    for (const [shape, words] of shapes) {
      const match = shape.exec(reason);
      if (match) {
        return words(...match.slice(1));
      }
    }
    return undefined;
  };
  // A part is a whole text of the client's, or `source: reason`.
  const one = (part: string) => {
    const [, source, reason] = /^([a-z]+): (.*)$/s.exec(part) ?? [];
    return say(part) ?? (source !== undefined && reason !== undefined ? `${source}: ${say(reason) ?? reason}` : part);
  };
  return text.split('; ').map(one).join('；');
}

const zh: Messages = {
  labelMessage: '消息：',
  labelAction: '处理建议：',
  labelSeeAlso: '另见：',
  labelServers: '服务器：',
  labelWidth: 12,

  unknownCode: '未知错误码',
  notInCatalogue: (size: number) =>
    `不在本目录的 ${size} 个错误码中（依据华为云当前的错误码表和 SMS 常见问题）；不做猜测`,
  unknownCodes: (codes: readonly string[], size: number) =>
    `未知错误码 ${codes.join(', ')}：不在本目录的 ${size} 个错误码中`,

  servers: (n: number) => `${zhNumber(n)} 台服务器`,
  unreadableErrorJson: '无法读取的 error_json',
  unreadableGroupMessage: '无法读取 error_json；每台服务器后附有原因',
  unknownGroupMessage: '不在目录中；每台服务器后附有其参数',
  andMore: (n: number) => `另有 ${zhNumber(n)} 台`,
  byCategory: '按类别：',
  unknownCodesTotal: '未知错误码',
  unreadableTotal: '无法读取的 error_json',
  serverUnit: () => '台服务器',
  codeUnit: () => '个错误码',
  summaryTotal: (servers: number, codes: number, unknown: number) =>
    `共 ${zhNumber(servers)} 台源端服务器迁移失败，涉及 ${zhNumber(codes)} 个错误码${unknown > 0 ? `（其中 ${unknown} 个未知）` : ''}`,
  noFailedServers: '没有迁移失败的源端服务器',
  sinceGroupMark: (mark: 'new' | 'changed') => (mark === 'new' ? '新增' : '有变化'),
  sinceServerMark: (mark: 'new' | 'changed') => (mark === 'new' ? '新增' : '有变化'),
  sinceLine: (snapshot: string, added: number, changed: number, resolved: number) =>
    `与 ${snapshot} 相比：新增 ${zhNumber(added)} 台，有变化 ${zhNumber(changed)} 台，已解决 ${zhNumber(resolved)} 台`,

  diffSection: (change: 'new' | 'changed' | 'resolved', n: number) =>
    `${{ new: '新增', changed: '有变化', resolved: '已解决' }[change]}（${zhNumber(n)} 台）`,
  columnCategory: '类别',
  columnAction: '处理建议',
  diffUnchanged: (n: number) => `${zhNumber(n)} 台未变化`,
  diffNoChanges: (n: number) => `没有变化：${zhNumber(n)} 台未变化`,
  diffUnreadableAction: '无法读取 error_json',
  diffUnknownAction: '不在目录中',

  snapshotNeedsFile: (flag: string) => `${flag} 需要一个快照文件（或用 - 表示标准输入）`,
  diffArguments: 'diff 的参数是 之前 [之后]：两个快照文件，或一个快照文件加当前列表（- 表示标准输入）',
  oneStdin: '之前 和 之后 中只能有一个是 -（标准输入）',
  snapshotNamesFile: '快照参数必须是一个文件名（或用 - 表示标准输入）',
  diffTwoSnapshots: (flag: string) => `--${flag} 只用于读取当前列表，而 diff 已给出两个快照`,
  cannotReadSnapshot: (file: string, code: string | undefined) =>
    `无法读取 ${file}${code === 'ENOENT' ? '：文件不存在' : code ? `（${code}）` : ''}`,
  notASnapshot: (file: string, reason: string) => `${file} 不是快照：${reason}`,
  partialSnapshot: (file: string, held: number, announced: number) =>
    `${file} 只有其列表所报 ${announced} 台服务器中的 ${held} 台（只保存了一页？）：其余的会显示为新增或已解决`,
  liveListing: '当前列表',
  warning: '警告',
  duplicateIdentity: (identity: string, before: number, beforeName: string, after: number, afterName: string) =>
    `${identity} 在 ${beforeName} 中有 ${before} 条记录，在 ${afterName} 中有 ${after} 条：不参与比较，也不合并`,
  stateName: '状态文件',
  sweepName: '本次读取',
  stateUnreadable: (reason: string) =>
    `状态文件有误：${reason}；文件保持原样（请把它移走，或删除后用 --baseline 重新开始）`,
  stateUnwritable: (file: string, code: string | undefined) =>
    `无法写入状态文件 ${file}${code ? `（${code}）` : ''}；原有的状态保持不变`,

  watchNeedsState: 'watch 需要 --state 文件：用来在两次运行之间保存上一次读取的结果',
  watchFormats: (format: string) => `watch 只输出逐行文本（默认）或 --output ndjson，不支持 ${format}`,
  webhookNotUrl: '--webhook 必须是完整的 http(s) URL',
  webhookCredentials: '--webhook 中不能包含 user:password@',
  intervalRange: '--interval 必须在 10s 到 24h 之间，例如 30s、5m 或 1h（只写数字表示秒）',
  sweepFailed: (at: string, message: string) => `${at} 读取失败：${message}；状态文件未改动`,
  baselineRecorded: (at: string, n: number, state: string) => `${at} 基线：已把 ${n} 台迁移失败的服务器记录到 ${state}`,
  webhookFailed: (at: string, webhook: string, attempts: number, reason: string) =>
    `${at} webhook ${webhook} 尝试 ${attempts} 次后仍失败：${reason}`,
  webhookNoAnswer: (seconds: number) => `${seconds} 秒内没有响应`,
  statusLine: (next: string, took: string, failing: number) =>
    `${next} 后再次读取，上次读取用时 ${took}，${failing} 台失败（按 Ctrl-C 停止）`,
  unreadableCodeCell: '（无法读取）',

  doctorCheck: (name: 'runtime' | 'endpoint' | 'credentials' | 'clock' | 'request') =>
    ({ runtime: '运行环境', endpoint: '终端节点', credentials: '凭证', clock: '时钟', request: '请求' })[name],
  doctorOk: '正常',
  doctorFail: '失败',
  doctorRuntime: (version: string, platform: string, arch: string) => `Node ${version}（${platform} ${arch}）`,
  doctorInstallNode: (oldest: string) => `请安装 Node ${oldest} 或更高版本`,
  doctorGiveWhere: '请给出 --region 或 --endpoint',
  doctorCredentialsGuide: '参见凭证指南',
  doctorEndpoint: (baseUrl: string, region: string | undefined, regionFrom: string | undefined) =>
    `${baseUrl}${region ? `（区域 ${region}${regionFrom ? `，取自 ${regionFrom}` : ''}）` : ''}`,
  doctorCredentials: (source: string, detail: string, skipped: string) =>
    `${source}：${credentialSourceZh(detail)}${skipped ? `（在它之前：${credentialSourceZh(skipped)}）` : ''}`,
  doctorNoDate: '终端节点的响应中没有 Date，无法比较时钟',
  doctorClockWithin: (seconds: number) => `本机时钟与终端节点相差不超过 ${seconds} 秒`,
  doctorClockOff: (skewMs: number) =>
    `本机时钟比 API 网关${skewMs > 0 ? '快' : '慢'} ${Math.round(Math.abs(skewMs) / 60_000)} 分钟；网关最多接受 ${maxClockSkewSeconds / 60} 分钟的偏差`,
  doctorRequestOk: (latencyMs: number, requestId: string | undefined) =>
    `GET /v3/errors?limit=1：200，用时 ${latencyMs} ms${requestId ? `，请求 ID ${requestId}` : ''}`,
  doctorRequestFailed: (status: string, latencyMs: number, message: string) =>
    `GET /v3/errors?limit=1：${status}用时 ${latencyMs} ms：${message}`,
  doctorCheckPermissions: '请检查凭证及其权限',
  requestFailed: (cause: string) => `请求失败：${cause}`,
  credentialSourceText: (text: string) => credentialSourceZh(text),

  columnName: '名称',
  columnHostName: '主机名',
  columnSourceIp: '源端 IP',
  columnTargetIp: '目的端 IP',
  columnErrorCode: '错误码',
  columnMessage: '消息',
  unknownCodeCell: (params: readonly string[]): string =>
    params.length > 0 ? `未知错误码；参数：${params.join(', ')}` : '未知错误码',
  listFooter: (shown: number, count: number, nextOffset: number | undefined) =>
    `显示 ${shown} 台，共 ${count} 台迁移失败的源端服务器${nextOffset === undefined ? '' : `（下一页：--offset ${nextOffset}，或用 --all 读取全部）`}`,
  hostNameLeftOut: '未显示主机名列：每行都与名称相同或为空',
  targetIpLeftOut: '未显示目的端 IP 列：每行都为空',
  leftOutColumns: (notes: readonly string[]) => `${notes.join('；')}（--wide 显示所有列）`,
  progress: (received: number, count: number) => `正在读取迁移失败的源端服务器：${received} / ${count}`,
  unreadableReason: (reason: string) => unreadableReasonsZh[reason] ?? reason,

  unknownOption: (flag: string) => `未知选项 ${flag}（参见 sms-errors --help）`,
  secretOption: (flag: string, hint: string) => `未知选项 ${flag}：凭证只能来自环境变量：${hint}`,
  takesNoValue: (flag: string) => `${flag} 不接受取值`,
  needsValueDash: (flag: string) => `${flag} 需要一个取值（以“-”开头的取值请写成 ${flag}=VALUE）`,
  needsValue: (flag: string) => `${flag} 需要一个取值`,
  cannotRead: '无法解析命令行（参见 sms-errors --help）',
  mustBeOneOf: (flag: string, values: readonly string[]) => `${flag} 必须是以下之一：${values.join('、')}`,
  emptyFlag: (flag: string) => `${flag} 不能为空`,
  doctorFormats: 'doctor 只支持 --output table 或 json',
  needsNumber: (flag: string) => `--${flag} 需要一个数字`,
  oneOutput: '--output FORMAT、--json 和 --table 只能给出其中一个',
  outputOneOf: (formats: readonly string[]) => `--output 必须是 ${formats.join('、')} 之一`,
  wideOnlyTable: (format: string) => `--wide 只适用于表格输出，不适用于 --output ${format}`,
  langOneOf: (languages: readonly string[]) => `--lang 必须是 ${languages.join('、')} 之一`,
  missingCommand: (commands: readonly string[]) =>
    `缺少命令：可用 sms-errors ${commands.join('、sms-errors ')}（参见 sms-errors --help）`,
  unknownCommand: (commands: readonly string[]) =>
    `未知命令：可用的命令有 ${commands.join('、')}（参见 sms-errors --help）`,
  flagNotFor: (flag: string, command: string, why: string) => `--${flag} 不适用于 ${command}：${why}`,
  summaryReadsAll: 'summary 总是从第一页起读取全部页面',
  explainOffline: 'explain 只读取错误码目录，不联网，也不需要凭证',
  diffWholeListings: 'diff 比较的是完整的列表（当前列表从第一页起读取）',
  watchSweepsAll: 'watch 每次都从第一页起读取全部页面，每项变化输出一行',
  seeHelp: '参见 sms-errors --help',
  explainNeedsCodes: 'explain 需要一个或多个错误码，例如 sms-errors explain SMS.2802',
  noArguments: (command: string, extra: number) =>
    `${command} 只接受选项，不接受参数（多出 ${extra} 个；参见 sms-errors --help）`,
  regionOrEndpoint: '--region 和 --endpoint 只能给出其中一个',
  concurrencyNeedsAll: '--concurrency 只能与 --all 一起使用',
  emptyProjectId: '--project-id 不能为空',
  endpointNotUrl: '--endpoint 必须是完整的 http(s) URL，例如 http://127.0.0.1:4010',
  endpointCredentials: '--endpoint 中不能包含凭证（user:password@）；凭证只能来自环境变量',
  endpointQuery: '--endpoint 中不能包含查询（?）或片段（#）：API 路径和查询参数会接在它后面',
  endpointBlockedPort: (port: string) =>
    `--endpoint 使用的端口 ${port} 被 Fetch 标准禁用：fetch 会直接拒绝，不会发送任何请求`,
  projectIdWithToken: (tokenVariable: string) =>
    `--project-id 只适用于 AK/SK 凭证；使用 ${tokenVariable} 时以令牌自身的项目为准（请去掉 --project-id，或改用 AK/SK）`,
  giveRegion: (regions: readonly string[]) => `请给出 --region（${regions.join('、')} 之一）或 --endpoint URL`,
  regionOneOf: (regions: readonly string[]) => `--region 必须是 ${regions.join('、')} 之一（或给出 --endpoint URL）`,
  mustBe: (name: string, expected: string) => `${name} 取值不合法，要求：${expected}`,
  expected: (bound: string) => boundZh(bound),

  credentialsHint: (v: CredentialHintFacts) =>
    `请设置 ${v.token}，或 ${v.aksk.join('、')}（临时密钥还需设置 ${v.securityToken}），` +
    `或 ${v.iam.join('、')}；也可以把凭证放在 ${v.profileFile} 或 KooCLI 的配置（${v.kooCli}）中`,
  noCredentials: (hint: string, tried: string) => `没有凭证：${hint}（已查找：${credentialSourceZh(tried)}）`,
  credentialsInvalid: (message: string) => `环境变量中的凭证有误：${message}`,
  checkCredentials: (message: string) => `服务拒绝了请求（${message}）；请检查凭证及其权限`,
  clockHint: CLOCK_HINT_ZH,
  clockRefused: (message: string) => `服务拒绝了请求（${message}）；${CLOCK_HINT_ZH}`,
  serviceError: (message: string) => `服务返回错误：${message}`,
  noAnswer: (host: string | undefined, message: string, attempts: number) =>
    `${host ?? '服务'} 没有响应：${message}（尝试次数：${attempts}）`,
  paginationStoppedAfter: (received: number, parameter: string, expected: string) =>
    `分页在读取 ${received} 条记录后停止：下一页的 ${parameter} 取值要求为 ${expected}`,
  paginationStopped: (message: string) => `分页中止：${message}`,
  badResponse: (message: string) => `服务的响应不符合文档：${message}`,
  interrupted: '已中断',
  unexpected: (name: string, message: string) => `意外错误 ${name}：${message}`,

  help: (f: HelpFacts) => `用法：sms-errors list [选项]
      sms-errors summary [选项]
      sms-errors explain 错误码...
      sms-errors doctor [选项]
      sms-errors diff 之前 [之后] [选项]
      sms-errors watch --state 文件 [选项]

查看哪些源端服务器迁移失败（华为云主机迁移服务 SMS v3，GET /v3/errors）、失败原因以及处理方法：
每条 error_json 都会解码为 SMS 错误码、消息、类别和处理建议。

命令：
  list                         迁移失败的服务器，每台一行（一页；加 --all 读取全部页面）
  summary                      读取全部页面，按错误码分组，受影响服务器最多的在前：错误码、类别、
                               服务器数、消息、处理建议、前 ${f.serversShown} 台服务器；最后按类别汇总。
                               目录中没有的错误码也会分组，并标为未知
  explain 错误码...            每个错误码（SMS.2802、sms.2802 或 2802）在目录中的条目：类别、HTTP
                               状态码、消息、处理建议、相关错误码。不联网，也不需要凭证
  diff 之前 [之后]             比较两个快照（文件；- 表示标准输入），或一个快照与当前列表（读取全部页面，
                               选项和凭证同 list）：新增、变化（错误码或参数不同）、已解决，以及未变化的
                               数量。快照是 list --all --output json 或 ndjson 的输出，或保存下来的 API
                               页面 {count, migration_errors}。服务器按 source_id 识别；source_id 为空时按
                               name 加 source_ip 识别
  watch --state 文件           每隔 --interval 读取全部页面，每项变化输出一行（时间、变化、名称、源端 IP、
                               错误码、消息），并把本次结果保存到该文件
  doctor                       逐项检查，每项一行：运行环境、终端节点和区域、采用了哪个凭证来源（以及
                               之前的来源为何未被采用）、本机时钟与终端节点时钟之差、一次请求（limit=1）
                               的状态码、请求 ID 和耗时；以第一个失败项的退出码退出（--output table 或 json）

位置（list、summary、doctor）：
  --region R                   ${f.regions.join('、')} 之一
  --endpoint URL               其他基础 URL，例如本地模拟服务 http://127.0.0.1:4010

范围（list、summary）：
  --limit N                    list：每页记录数（${f.bounds.limit}）；默认：服务的默认值
                               与 --all 一起：分页大小（${f.bounds.pageSize}）；默认：最大值
  --offset N                   list：第一条记录的偏移量（${f.bounds.offset}）；默认：从第一条开始
  --all                        list：从 --offset 起逐页读取全部记录
  --concurrency N              list --all、summary：同时请求的页数（${f.bounds.concurrency}）；默认 1
  --enterprise-project-id ID   只看该企业项目的服务器（${f.bounds.enterpriseProjectId}）
  --project-id ID              AK/SK 签名使用的项目 ID；优先于 ${f.akskVariables[2]}（不能与令牌同用）
  --credentials-source S       只使用这一个凭证来源：${f.forcibleSources.join('、')}（ecs：从元数据服务获取 ECS
                               委托的临时凭证，仅在指定时使用；SMS_METADATA_ENDPOINT 可改变其地址）
  --profile NAME               KooCLI 的配置名（默认取 ${f.profileVariable}，否则为当前配置）
  --since 快照                 summary：与该快照相比，把新增或变化的错误码分组和服务器标出来

变化（diff、watch；上面的范围选项用于它们读取的当前列表）：
  --fail-on 类别               出现该类变化时以退出码 ${f.exitCodes.changes} 结束：${f.failOn.join('、')}（any：新增、变化或
                               已解决）；watch 会在保存该次结果后停止
  --all                        diff：ndjson 和 csv 也输出未变化的服务器
  --interval T                 watch：两次读取的间隔，10s 到 24h，例如 30s、5m、1h（默认 ${f.defaultInterval}）
  --once                       watch：只读取一次，输出、保存后退出（适合 cron）
  --baseline                   watch：还没有状态文件时，只记录第一次的结果而不输出
                               （不加此选项时，第一次会把所有失败的服务器都作为新增输出）
  --webhook URL                watch：每组非空的变化以 JSON {"at", "endpoint", "new", "resolved",
                               "changed"} POST 出去（超时 10 秒，重试 2 次，不携带凭证）

输出（stdout）：
  --output table               list：对齐的表格和一行汇总；summary、explain：文本块（默认）
  --output json                list：{"count", "migration_errors": [记录 + "decoded"]}；
                               summary：{"count", "codes", "categories", "unknown", "unreadable"}；
                               explain：[条目, ...]
  --output ndjson              每行一个 JSON 对象：一条记录（list）、一个错误码分组（summary）、
                               一个条目（explain）、一台带 "change" 的变化服务器（diff、watch）
  --output csv                 RFC 4180，带表头行；每台服务器一行（list），每个错误码一行（summary、
                               explain）；以 = + - @、制表符或回车开头的单元格前会加 '
                               list 的列：${f.listCsvHeader.join(',')}
  --json, --table              等同于 --output json、--output table
  -o F                         等同于 --output F
  --wide                       表格：每个单元格完整显示。否则表格按 COLUMNS（若已设置）或终端宽度
                               排版（超出部分以 … 截断）；输出到管道或文件时每个单元格都完整显示
  --lang en|zh                 输出语言（包括目录中的文本；JSON 键名和 CSV 表头保持英文）。默认依次
                               取自 LC_ALL、LC_MESSAGES、LANG（以 zh 开头即为中文），否则为英文

  -h, --help                   本帮助（sms-errors --help --lang en：英文版）
  --version                    版本号

凭证（list、summary、doctor）不能通过选项传入，按以下顺序采用第一个完整的来源：
  ${f.akskVariables.join(', ')}
                               AK/SK 请求签名（优先于 Token）；
                               临时密钥还需设置 ${f.securityTokenVariable}
  ${f.tokenVariable}               IAM Token（X-Auth-Token）
  ${f.iamVariables.join(', ')}
                               IAM 用户：向 IAM 获取 Token（${f.iamProjectVariable}：项目，默认与区域同名；
                               ${f.iamEndpointVariable} 可改变 IAM 地址）
  ~/${f.profileFile.path.padEnd(26)} 华为云 SDK 的凭证文件，[${f.profileFile.section}] 段（或由 ${f.credentialsFileVariable} 指定）
  ~/${f.kooCli.path.padEnd(26)} KooCLI 的 ${f.kooCli.plainMode} 模式配置，密钥为明文（未给出 --region 和 --endpoint
                               时使用其中的区域）

NO_COLOR=1（或输出不是终端）时不使用颜色。COLUMNS=N 设置表格宽度。

退出码：
  ${f.exitCodes.ok}    成功
  ${f.exitCodes.internal}    意外错误（程序缺陷）
  ${f.exitCodes.usage}    用法错误：选项或取值不正确（包括超出 API 的取值范围）；快照或状态文件无法
       读取或写入
  ${f.exitCodes.auth}    凭证缺失或格式错误，或服务返回 401/403
  ${f.exitCodes.api}    服务返回其他错误状态码
  ${f.exitCodes.network}    没有响应：连接失败或超时（已重试）
  ${f.exitCodes.pagination}    --all、summary：各页内容与服务给出的总数不一致
  ${f.exitCodes.response}    服务返回 2xx，但响应体不是文档描述的 JSON
  ${f.exitCodes.unknownCode}    explain：有错误码不在目录中（已知的仍会输出）
  ${f.exitCodes.changes}    diff、watch：--fail-on 发现了该类变化（变化仍会完整输出）
  ${f.exitCodes.interrupted}  已中断（Ctrl-C）

示例：
  SMS_AUTH_TOKEN=any sms-errors summary --endpoint http://127.0.0.1:4011
  sms-errors explain SMS.2802 SMS.0807 --lang zh
  SMS_AUTH_TOKEN=any sms-errors list --endpoint http://127.0.0.1:4011 --all --output csv > failed.csv
  SMS_AUTH_TOKEN=any sms-errors list --endpoint http://127.0.0.1:4011 --all --concurrency 4 --json
  sms-errors list --region ${f.regions[0]} --limit 20 --offset 40    # 需已设置 ${f.tokenVariable}
  sms-errors list --region ${f.regions[0]} --all --json > monday.json; sms-errors diff monday.json --region ${f.regions[0]}
  sms-errors watch --state ~/.sms-errors-state.json --region ${f.regions[0]} --once --fail-on new
`,
};

const tables: Record<Language, Messages> = { en, zh };

/** The table of `language`. */
export function messagesFor(language: Language): Messages {
  return tables[language];
}

/**
 * The language the environment asks for: the first of LC_ALL, LC_MESSAGES and LANG that is set (and not
 * empty) decides, as POSIX orders them; `zh`, `zh_CN.UTF-8`, `zh_TW` ... mean Chinese, anything else English.
 */
export function languageFromEnv(env: Record<string, string | undefined>): Language {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name]?.trim();
    if (value) {
      return /^zh/i.test(value) ? 'zh' : 'en';
    }
  }
  return 'en';
}

/** Whether `text` names a language of the CLI. */
export function isLanguage(text: string): text is Language {
  return (LANGUAGES as readonly string[]).includes(text);
}
