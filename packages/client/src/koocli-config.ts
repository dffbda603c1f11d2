// KooCLI's configuration (~/.hcloud/config.json): the profile named by --profile / SMS_PROFILE, else the
// `current` one. Only an AKSK profile with keys stored in plain text can be used; an encrypted one or another
// mode is refused with what to do instead. Names from spec/iam.yaml.
/// <reference types="node" />
import { join } from 'node:path';
import { SmsCredentialsError } from './credential-errors.js';
import { permissionWarning, readCredentialFile } from './credential-files.js';
import { credentialSources } from './generated/credential-facts.js';
import type { AkSkCredentials } from './sign-request.js';

const koo = credentialSources.kooCli;

export type KooCliResult =
  | { found: false; reason: string }
  | {
      found: true;
      path: string;
      profile: string;
      credentials: AkSkCredentials;
      region: string | undefined;
      warning: string | undefined;
    };

// An AK is letters and digits; KooCLI's encrypted values are not.
const PLAIN_AK = /^[A-Za-z0-9]{1,128}$/;

export function readKooCliConfig(home: string, profileName: string | undefined): KooCliResult {
  const path = join(home, koo.path);
  const text = readCredentialFile('hcloud', path);
  if (text === undefined) {
    return { found: false, reason: `no ${path}` };
  }
  let config: Record<string, unknown>;
  try {
    config = Object(JSON.parse(text));
  } catch {
    throw new SmsCredentialsError('hcloud', path, 'is not valid JSON');
  }
  const profiles = Array.isArray(config['profiles']) ? (config['profiles'] as Record<string, unknown>[]) : [];
  const name = profileName ?? (typeof config['current'] === 'string' ? config['current'] : undefined);
  if (!name) {
    throw new SmsCredentialsError('hcloud', path, 'names no current profile: pass --profile (or SMS_PROFILE)');
  }
  const profile = profiles.find((candidate) => Object(candidate)['name'] === name);
  const where = `${path} profile "${name}"`;
  if (!profile) {
    const names = profiles.map((candidate) => String(Object(candidate)['name'])).join(', ');
    throw new SmsCredentialsError('hcloud', where, `not found (profiles: ${names || 'none'})`);
  }
  const stringField = (key: string): string | undefined => {
    const value = profile[key];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  if (profile['mode'] !== koo.plainMode) {
    throw new SmsCredentialsError(
      'hcloud',
      `${where} mode`,
      `is ${String(profile['mode'])}, not ${koo.plainMode}: use an ${koo.plainMode} profile, --credentials-source ecs on an ECS with an agency, or the environment`,
    );
  }
  const credentials: Partial<AkSkCredentials> = {};
  for (const [field, key] of [
    ['ak', koo.keys.ak],
    ['sk', koo.keys.sk],
    ['projectId', koo.keys.projectId],
  ] as const) {
    const found = stringField(key);
    if (found === undefined) {
      throw new SmsCredentialsError('hcloud', `${where} ${key}`, 'is missing or empty');
    }
    credentials[field] = found;
  }
  if (!PLAIN_AK.test(credentials.ak!)) {
    throw new SmsCredentialsError(
      'hcloud',
      `${where} ${koo.keys.ak}`,
      'looks encrypted (KooCLI encrypts keys by default): save the profile with --cli-auth-encrypt=false, or use the profile file or the environment',
    );
  }
  const securityToken = stringField(koo.keys.securityToken);
  if (securityToken !== undefined) {
    credentials.securityToken = securityToken;
  }
  return {
    found: true,
    path,
    profile: name,
    credentials: credentials as AkSkCredentials,
    region: stringField(koo.keys.region),
    warning: permissionWarning(path),
  };
}
