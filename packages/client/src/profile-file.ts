// Huawei's SDK profile file (INI): HUAWEICLOUD_SDK_CREDENTIALS_FILE, else ~/.huaweicloud/credentials, section
// [basic] (project-level credentials, which SMS needs). Names from spec/iam.yaml.
/// <reference types="node" />
import { join } from 'node:path';
import { parse } from 'ini';
import { SmsCredentialsError } from './credential-errors.js';
import { permissionWarning, readCredentialFile } from './credential-files.js';
import { credentialSources } from './generated/credential-facts.js';
import type { AkSkCredentials } from './sign-request.js';

const file = credentialSources.profileFile;

export type ProfileFileResult =
  | { found: false; reason: string }
  | {
      found: true;
      path: string;
      credentials: AkSkCredentials;
      iamEndpoint: string | undefined;
      warning: string | undefined;
    };

/** A key's value in the section: undefined when absent or empty; a repeated key is an error. */
function sectionValue(values: Record<string, unknown>, where: string) {
  return (key: string): string | undefined => {
    const raw = values[key];
    if (raw === undefined || raw === '') {
      return undefined;
    }
    if (typeof raw !== 'string') {
      throw new SmsCredentialsError('profile', `${where} ${key}`, 'must be a single value');
    }
    return raw.trim();
  };
}

/**
 * The section's iam_endpoint, for an IAM user from the environment (Huawei's SDKs read it there too), or
 * undefined when the file, the section or the key is not there or the file cannot be read: its own step of
 * the chain says what is wrong with it.
 */
export function profileIamEndpoint(env: Record<string, string | undefined>, home: string): string | undefined {
  try {
    const text = readCredentialFile(
      'profile',
      env[credentialSources.environment.credentialsFile] || join(home, file.path),
    );
    const section = text === undefined ? undefined : parse(text)[file.section];
    return typeof section === 'object' && section !== null
      ? sectionValue(section as Record<string, unknown>, '')(file.keys.iamEndpoint)
      : undefined;
  } catch {
    return undefined;
  }
}

export function readProfileFile(env: Record<string, string | undefined>, home: string): ProfileFileResult {
  const named = env[credentialSources.environment.credentialsFile];
  const path = named || join(home, file.path);
  const text = readCredentialFile('profile', path);
  if (text === undefined) {
    // A file named by the variable must exist; the default one need not.
    if (named) {
      throw new SmsCredentialsError(
        'profile',
        path,
        `does not exist (named by ${credentialSources.environment.credentialsFile})`,
      );
    }
    return { found: false, reason: `no ${path}` };
  }
  let sections: Record<string, unknown>;
  try {
    sections = parse(text);
  } catch {
    throw new SmsCredentialsError('profile', path, 'is not an INI file');
  }
  const where = `${path} [${file.section}]`;
  const section = sections[file.section];
  if (typeof section !== 'object' || section === null) {
    throw new SmsCredentialsError(
      'profile',
      path,
      `has no [${file.section}] section (SMS is a project-level service: its credentials go there)`,
    );
  }
  const value = sectionValue(section as Record<string, unknown>, where);
  const credentials: Partial<AkSkCredentials> = {};
  for (const [field, key] of [
    ['ak', file.keys.ak],
    ['sk', file.keys.sk],
    ['projectId', file.keys.projectId],
  ] as const) {
    const found = value(key);
    if (found === undefined) {
      throw new SmsCredentialsError('profile', `${where} ${key}`, 'is missing or empty');
    }
    credentials[field] = found;
  }
  const securityToken = value(file.keys.securityToken);
  if (securityToken !== undefined) {
    credentials.securityToken = securityToken;
  }
  return {
    found: true,
    path,
    credentials: credentials as AkSkCredentials,
    iamEndpoint: value(file.keys.iamEndpoint),
    warning: permissionWarning(path),
  };
}
