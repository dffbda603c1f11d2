// The environment variables the credential chain reads: Huawei's own names come from the spec's build
// (spec/iam.yaml, x-sms-credential-sources); the SMS_* names are this project's.
import { credentialSources } from './generated/credential-facts.js';

/** Every variable the chain reads, by what it holds. The CLI's help and `doctor` name them from here. */
export const credentialVariables = {
  /** Huawei's SDK names: AK, SK, project id, security token, IAM endpoint, profile file. */
  ...credentialSources.environment,
  /** An IAM token, sent as it is. */
  token: 'SMS_AUTH_TOKEN',
  /** An IAM user: name, password, account (domain) name, and the project name (default: the region). */
  iamUser: 'SMS_IAM_USER',
  iamPassword: 'SMS_IAM_PASSWORD',
  iamDomain: 'SMS_IAM_DOMAIN',
  iamProject: 'SMS_IAM_PROJECT',
  /** The KooCLI profile to use (default: the configuration's `current`). */
  profile: 'SMS_PROFILE',
  /** The ECS metadata service's base URL (tests point it at a loopback fake). */
  metadataEndpoint: 'SMS_METADATA_ENDPOINT',
} as const;

export type CredentialVariable = keyof typeof credentialVariables;
