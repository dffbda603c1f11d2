// Shared by the runtime tests: the probe's configuration, its result in this Node process (the reference
// every other runtime must match), running it in another runtime as a subprocess, and the signature
// Huawei's own signer gives for a captured request.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
// The SDK core exports no signer from its main entry; its AKSKSigner is the one its clients use.
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js';
import * as client from '@sms-errors/client';
import { decodeErrorJson } from '@sms-errors/client/decode';
import { inject } from 'vitest';
import { type CapturedSignature, type ProbeConfig, type ProbeResult, probe } from '../fixtures/probe.mjs';
import { testCredentials, testToken } from './test-credentials.js';

export type { ProbeResult } from '../fixtures/probe.mjs';

export const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
export const binary = (name: string): string => fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));

export function probeConfig(): ProbeConfig {
  return {
    sandboxUrl: inject('sandboxUrl'),
    mockUrl: inject('mockUrl'),
    token: testToken,
    credentials: testCredentials,
  };
}

/** The probe run here, on Node, with the built client from the workspace. */
export function nodeReference(): Promise<ProbeResult> {
  return probe({ ...client, decodeErrorJson }, probeConfig());
}

export interface RuntimeRun extends ProbeResult {
  runtime: string;
}

/** Runs fixtures/run-probe.mjs with `command ...args` and reads the JSON line it prints. */
export async function runProbe(command: string, args: string[], env: Record<string, string> = {}): Promise<RuntimeRun> {
  const { sandboxUrl, mockUrl, token, credentials } = probeConfig();
  const { stdout } = await promisify(execFile)(
    command,
    [...args, fixture('run-probe.mjs'), sandboxUrl, mockUrl, JSON.stringify({ token, credentials })],
    {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as RuntimeRun;
}

/** The Authorization header Huawei's signer computes for the captured request, at its X-Sdk-Date. */
export function huaweiAuthorization(captured: CapturedSignature): string {
  const url = new URL(captured.url);
  const date = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(captured.sdkDate ?? '');
  if (!date) {
    throw new Error(`not an X-Sdk-Date: ${String(captured.sdkDate)}`);
  }
  const [, year, month, day, hour, minute, second] = date;
  // The signer dates the request from Date.now(): pinned to the captured date while it signs.
  const realNow = Date.now;
  Date.now = () => Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  try {
    const signed = AKSKSigner.sign(
      {
        endpoint: captured.url,
        method: 'GET',
        queryParams: Object.fromEntries(url.searchParams),
        headers: { 'X-Project-Id': captured.projectId },
      },
      {
        getAk: () => testCredentials.ak,
        getSk: () => testCredentials.sk,
      } as never,
    ) as { Authorization: string; 'X-Sdk-Date': string };
    if (signed['X-Sdk-Date'] !== captured.sdkDate) {
      throw new Error(`the signer dated the request ${signed['X-Sdk-Date']}, not ${String(captured.sdkDate)}`);
    }
    return signed.Authorization;
  } finally {
    Date.now = realNow;
  }
}
