// `sms-errors --help`. The text is the messages table's (messages.ts, one per language); regions and bounds
// come from the client's facts (knownRegions; bounds.ts), exit codes from exit-codes.ts and variable names
// from credentials.ts.

import { credentialSources, credentialVariables, forcibleSources } from '@sms-errors/client/env';
import { knownRegions } from '@sms-errors/client/facts';
import { FAIL_ON } from '../commands/diff/fail-on.js';
import { LIST_CSV_HEADER } from '../commands/list/list-output.js';
import { SERVERS_SHOWN } from '../commands/summary/format-summary.js';
import { DEFAULT_INTERVAL } from '../commands/watch/interval.js';
import { flagBounds } from './bounds.js';
import { AKSK_VARIABLES, IAM_VARIABLES, SECURITY_TOKEN_VARIABLE, TOKEN_VARIABLE } from './credentials.js';
import { ExitCode } from './exit-codes.js';
import { type Messages, messagesFor } from './messages.js';

/** The help text in `text`'s language, with the facts it quotes. */
export function helpText(text: Messages = messagesFor('en')): string {
  return text.help({
    regions: knownRegions,
    bounds: flagBounds(text),
    serversShown: SERVERS_SHOWN,
    listCsvHeader: LIST_CSV_HEADER,
    tokenVariable: TOKEN_VARIABLE,
    akskVariables: AKSK_VARIABLES,
    securityTokenVariable: SECURITY_TOKEN_VARIABLE,
    iamVariables: IAM_VARIABLES,
    iamProjectVariable: credentialVariables.iamProject,
    iamEndpointVariable: credentialVariables.iamEndpoint,
    credentialsFileVariable: credentialVariables.credentialsFile,
    profileVariable: credentialVariables.profile,
    profileFile: credentialSources.profileFile,
    kooCli: credentialSources.kooCli,
    forcibleSources,
    exitCodes: ExitCode,
    failOn: FAIL_ON,
    defaultInterval: DEFAULT_INTERVAL,
  });
}
