// Reading the files Huawei's tools keep credentials in: whole or not at all, with one-line errors naming the
// file (and the caller adds the section or profile and key), and a warning, as ssh gives one, when a file that
// holds a secret can be read by other users.
/// <reference types="node" />
import { readFileSync, statSync } from 'node:fs';
import { SmsCredentialsError } from './credential-errors.js';

/** The file's text, or undefined when it does not exist; any other failure is an SmsCredentialsError. */
export function readCredentialFile(source: string, path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      return undefined;
    }
    throw new SmsCredentialsError(
      source,
      path,
      `cannot be read (${code ?? (error as Error).name})${code === 'EACCES' ? ': check its owner and mode' : ''}`,
    );
  }
}

/** A warning line when `path` (holding a secret) is readable or writable by its group or others, else undefined. */
export function permissionWarning(path: string): string | undefined {
  if (process.platform === 'win32') {
    return undefined;
  }
  let mode: number;
  try {
    mode = statSync(path).mode;
  } catch {
    return undefined;
  }
  if ((mode & 0o077) === 0) {
    return undefined;
  }
  const octal = (mode & 0o777).toString(8).padStart(3, '0');
  return `warning: ${path} holds a secret key and other users can access it (mode ${octal}): chmod 600 ${path}`;
}

/** The first 4 and last 4 characters of an AK (the AK is not a secret, but a log need not carry it whole). */
export function maskAk(ak: string): string {
  return ak.length >= 12 ? `${ak.slice(0, 4)}...${ak.slice(-4)}` : `${ak.slice(0, 2)}...`;
}
