// The errors of the credential chain and of IAM. Each message is one line naming the file, section or profile
// and key (or the IAM user and endpoint); none ever holds a secret (SK, password, token, security token).
import { SmsError, SmsValidationError } from './errors.js';

/**
 * A credential source is incomplete, unreadable or malformed (a file, a variable, a KooCLI profile), or a
 * forced source found nothing. `parameter` names the place, such as `~/.huaweicloud/credentials [basic] sk`.
 */
export class SmsCredentialsError extends SmsValidationError {
  override name = 'SmsCredentialsError';
  constructor(
    /** The source: env, profile, hcloud, iam or ecs. */
    readonly source: string,
    /** Where: the file with its section or profile and key, or the variable. */
    where: string,
    /** What is wrong and what to do. */
    problem: string,
  ) {
    super(where, problem, `${where}: ${problem}`);
  }
}

/** IAM refused to issue a token (wrong password, unknown user) or could not be reached. */
export class SmsIamError extends SmsError {
  override name = 'SmsIamError';
  constructor(
    message: string,
    /** IAM's HTTP status; undefined when it could not be reached. */
    readonly status: number | undefined,
    /** IAM's X-Request-Id, if it sent one. */
    readonly requestId?: string | undefined,
  ) {
    super(message);
  }
}
