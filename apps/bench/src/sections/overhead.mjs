// Per-request overhead and authentication cost.
//
// 1. The same GET (/v3/errors?limit=10&offset=0, X-Auth-Token, the spec's 4-record example as the body)
//    against a minimal node:http server in a child process, sent one after the other by plain fetch, bare
//    openapi-fetch and our client (token mode, then AK/SK mode), interleaved in the same run: each run sends
//    its requests per variant in small chunks that take turns. Ratios are per run, to plain fetch of that run.
// 2. The client's own CPU cost per call without any network (a fetch stub answering at once), with no
//    credentials, a token, a token function and AK/SK: the difference is what authentication costs. In the
//    same runs, Huawei's own signer (AKSKSigner.sign of @huaweicloud/huaweicloud-sdk-core) signs the same
//    GET, and our signing cost per request is printed beside it with the ratio.
// 3. Our signer alone (createRequestSigner: one per client, node:crypto on Node), per signature.

import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createSmsClient } from '@sms-errors/client';
import createClient from 'openapi-fetch';
import { startServer } from '../local-server.mjs';
import { figure, fmt, fmtSummary, summarize } from '../stats.mjs';

const require = createRequire(import.meta.url);
const TOKEN = 'bench-token-'.padEnd(64, 'x');
const CREDENTIALS = {
  ak: 'AKEXAMPLE0123456789X',
  sk: 'SKexample/0123456789+abcdefghijKLMNOPQRS=',
  projectId: '0b1e2c3d4f5a6b7c8d9e0f1a2b3c4d5e',
};
/** Loopback GET overhead targets, as a ratio to plain fetch. */
const TARGET_RATIO = { 'our client (token)': 1.1, 'our client (AK/SK)': 1.2 };
const SIGN_URL = 'https://sms.cn-north-4.myhuaweicloud.com/v3/errors?limit=10&offset=0';
/** Where the fetch-stub clients point (nothing is sent there; not a port the Fetch standard blocks). */
const STUB_BASE_URL = 'http://127.0.0.1:4';
/** Ours with AK/SK over Huawei's own request path with AK/SK, per request. */
const TARGET_RATIO_TO_HUAWEI = 0.5;

/**
 * Huawei's own Node request path for this GET: ClientBuilder + HcClient of @huaweicloud/huaweicloud-sdk-core,
 * called the way its generated SmsClient.listErrorServers calls sendRequest (method GET, url /v3/errors,
 * contentType application/json, queryParams; responseHeaders ['']), with BasicCredentials (AK/SK, project id).
 */
export function huaweiRequestPath(endpoint) {
  const { BasicCredentials } = require('@huaweicloud/huaweicloud-sdk-core');
  const { ClientBuilder } = require('@huaweicloud/huaweicloud-sdk-core/ClientBuilder.js');
  const credential = new BasicCredentials()
    .withAk(CREDENTIALS.ak)
    .withSk(CREDENTIALS.sk)
    .withProjectId(CREDENTIALS.projectId);
  const client = new ClientBuilder((hcClient) => ({
    listErrorServers: ({ limit, offset }) => {
      /** @type {import('@huaweicloud/huaweicloud-sdk-core/HcClient.js').HttpRequestOptions} */
      const options = {
        method: 'GET',
        url: '/v3/errors',
        contentType: 'application/json',
        queryParams: { offset, limit },
        pathParams: {},
        headers: {},
      };
      // As the generated SmsClient sets it, beside the typed options.
      Object.assign(options, { responseHeaders: [''] });
      return hcClient.sendRequest(options);
    },
  }))
    .withCredential(credential)
    .withEndpoint(endpoint)
    .build();
  return client;
}

/** Huawei's signer, as its service clients call it for this GET (it adds X-Sdk-Date and host itself). */
function huaweiSigner() {
  const { AKSKSigner } = require('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js');
  const { BasicCredentials } = require('@huaweicloud/huaweicloud-sdk-core');
  const credential = new BasicCredentials()
    .withAk(CREDENTIALS.ak)
    .withSk(CREDENTIALS.sk)
    .withProjectId(CREDENTIALS.projectId);
  const url = new URL(SIGN_URL);
  return () =>
    AKSKSigner.sign(
      {
        method: 'GET',
        endpoint: `${url.origin}${url.pathname}`,
        queryParams: Object.fromEntries(url.searchParams),
        headers: { 'X-Project-Id': CREDENTIALS.projectId },
      },
      credential,
    );
}

/** The spec's page example: the body every variant receives. */
function exampleBody() {
  const spec = JSON.parse(readFileSync(require.resolve('@sms-errors/spec/openapi.json'), 'utf8'));
  return JSON.stringify(spec.components.examples['page-example'].value);
}

/**
 * One run: `n` calls of each variant, sent in small chunks that take turns (a chunk of each variant, then
 * again), so that a change in the machine's load during the run weighs on every variant alike. Resolves
 * with the ms per call of each variant.
 */
async function timeInterleaved(variants, n, chunk) {
  const names = Object.keys(variants);
  const totalMs = Object.fromEntries(names.map((name) => [name, 0]));
  for (let done = 0; done < n; done += chunk) {
    for (const name of names) {
      totalMs[name] += (await timeBatch(variants[name], chunk)) * chunk;
    }
  }
  return Object.fromEntries(names.map((name) => [name, totalMs[name] / n]));
}

async function timeBatch(send, n) {
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    await send();
  }
  return (performance.now() - started) / n;
}

export async function runOverhead({ runs, quick }) {
  const perBatch = quick ? 200 : 1000;
  const body = exampleBody();
  const dir = await mkdtemp(join(tmpdir(), 'sms-bench-'));
  const bodyFile = join(dir, 'body.json');
  await writeFile(bodyFile, body);
  const server = await startServer(['--body', bodyFile]);
  const figures = [];
  const details = {};
  try {
    const url = `${server.url}/v3/errors?limit=10&offset=0`;
    /** @type {import('openapi-fetch').Client<import('@sms-errors/client').paths>} */
    const raw = createClient({ baseUrl: server.url, headers: { 'X-Auth-Token': TOKEN } });
    const ours = createSmsClient({ baseUrl: server.url, token: TOKEN });
    const oursAkSk = createSmsClient({ baseUrl: server.url, credentials: CREDENTIALS });
    const huawei = huaweiRequestPath(server.url);
    const variants = {
      'plain fetch': async () => {
        const response = await fetch(url, { headers: { 'X-Auth-Token': TOKEN } });
        if (!response.ok) {
          throw new Error(`status ${response.status}`);
        }
        await response.json();
      },
      'bare openapi-fetch': async () => {
        const { error } = await raw.GET('/v3/errors', { params: { query: { limit: 10, offset: 0 } } });
        if (error) {
          throw new Error('error');
        }
      },
      'our client (token)': () => ours.listMigrationErrors({ limit: 10 }),
      'our client (AK/SK)': () => oursAkSk.listMigrationErrors({ limit: 10 }),
      "Huawei's request path (AK/SK)": async () => {
        const page = await huawei.listErrorServers({ limit: 10, offset: 0 });
        if (page.httpStatusCode !== 200) {
          throw new Error(`status ${page.httpStatusCode}`);
        }
      },
    };
    const names = Object.keys(variants);
    // Same answer for all: check once.
    for (const name of names) {
      await variants[name]();
    }
    // Warm-up: connections, JIT.
    for (const name of names) {
      await timeBatch(variants[name], perBatch / 2);
    }
    /** @type {Record<string, number[]>} */
    const perRequest = Object.fromEntries(names.map((name) => [name, []]));
    for (let run = 0; run < runs; run++) {
      // A rotating order too, so that no variant always follows the same one.
      const rotated = Object.fromEntries(
        names.map((_, i) => names[(i + run) % names.length]).map((name) => [name, variants[name]]),
      );
      const msPerRequest = await timeInterleaved(rotated, perBatch, 50);
      for (const name of names) {
        perRequest[name].push(msPerRequest[name]);
      }
    }
    const ratios = Object.fromEntries(
      names.map((name) => [name, perRequest[name].map((ms, run) => ms / perRequest['plain fetch'][run])]),
    );
    details.loopback = { requestsPerBatch: perBatch, perRequestMs: perRequest, ratiosToFetch: ratios };
    for (const name of names) {
      const us = summarize(perRequest[name].map((ms) => ms * 1000));
      const ratio = summarize(ratios[name]);
      const target = TARGET_RATIO[name];
      const measured = `${fmt(us.median, 0)} µs/request (min ${fmt(us.min, 0)}, max ${fmt(us.max, 0)}), ${name === 'plain fetch' ? '1.00x' : `${fmt(ratio.median)}x fetch (min ${fmt(ratio.min)}x, max ${fmt(ratio.max)}x)`}, ${us.runs} runs`;
      const targetText = target
        ? `<= ${fmt(target)}x plain fetch`
        : name === 'plain fetch'
          ? 'baseline'
          : 'informative';
      figures.push(figure(`loopback GET, ${name}`, measured, targetText, target ? ratio.median <= target : undefined));
    }
    // Run by run: ours with AK/SK over Huawei's request path with AK/SK.
    const toHuawei = summarize(
      perRequest['our client (AK/SK)'].map((ms, run) => ms / perRequest["Huawei's request path (AK/SK)"][run]),
    );
    details.loopback.oursAkSkToHuawei = toHuawei;
    figures.push(
      figure(
        "loopback GET with AK/SK, our client / Huawei's request path",
        `${fmt(toHuawei.median)}x (min ${fmt(toHuawei.min)}x, max ${fmt(toHuawei.max)}x, ${toHuawei.runs} runs)`,
        `<= ${fmt(TARGET_RATIO_TO_HUAWEI)}x`,
        toHuawei.median <= TARGET_RATIO_TO_HUAWEI,
      ),
    );
  } finally {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }

  // 2. Client CPU cost per call, no network.
  const stub = async () => new Response(body, { headers: { 'Content-Type': 'application/json' } });
  const modes = {
    'no credentials': createSmsClient({ baseUrl: STUB_BASE_URL, fetch: stub }),
    token: createSmsClient({ baseUrl: STUB_BASE_URL, fetch: stub, token: TOKEN }),
    'token function': createSmsClient({ baseUrl: STUB_BASE_URL, fetch: stub, token: () => TOKEN }),
    'AK/SK': createSmsClient({ baseUrl: STUB_BASE_URL, fetch: stub, credentials: CREDENTIALS }),
  };
  const callsPerBatch = quick ? 1000 : 5000;
  /** @type {import('openapi-fetch').Client<import('@sms-errors/client').paths>} */
  const rawStub = createClient({ baseUrl: STUB_BASE_URL, fetch: stub, headers: { 'X-Auth-Token': TOKEN } });
  const huaweiSign = huaweiSigner();
  const calls = {
    ...Object.fromEntries(
      Object.entries(modes).map(([mode, client]) => [mode, () => client.listMigrationErrors({ limit: 10 })]),
    ),
    'bare openapi-fetch': () => rawStub.GET('/v3/errors', { params: { query: { limit: 10, offset: 0 } } }),
    'Huawei AKSKSigner.sign': async () => huaweiSign(),
  };
  /** @type {Record<string, number[]>} */
  const perCall = Object.fromEntries(Object.keys(calls).map((mode) => [mode, []]));
  for (const call of Object.values(calls)) {
    await timeBatch(call, callsPerBatch / 2);
  }
  for (let run = 0; run < runs; run++) {
    const msPerCall = await timeInterleaved(calls, callsPerBatch, 100);
    for (const mode of Object.keys(calls)) {
      perCall[mode].push(msPerCall[mode] * 1000);
    }
  }
  const costSamples = (mode) => perCall[mode].map((us, run) => us - perCall['no credentials'][run]);
  const cost = (mode) => summarize(costSamples(mode));
  // Run by run: our signing cost per request over Huawei's time per signature.
  const signingRatio = summarize(costSamples('AK/SK').map((us, run) => us / perCall['Huawei AKSKSigner.sign'][run]));
  details.inMemory = { callsPerBatch, perCallUs: perCall };
  figures.push(
    figure(
      'CPU per call, no network (fetch stub): bare openapi-fetch',
      fmtSummary(summarize(perCall['bare openapi-fetch']), 'µs', 1),
      'informative',
    ),
  );
  figures.push(
    figure(
      'CPU per call, no network (fetch stub): our client, no credentials',
      fmtSummary(summarize(perCall['no credentials']), 'µs', 1),
      'informative',
    ),
  );
  figures.push(figure('token mode cost per request (token - none)', fmtSummary(cost('token'), 'µs', 1), 'informative'));
  figures.push(figure('token function cost per request', fmtSummary(cost('token function'), 'µs', 1), 'informative'));
  figures.push(
    figure(
      "Huawei's signer: AKSKSigner.sign per signature (SDK core 3.1.211)",
      fmtSummary(summarize(perCall['Huawei AKSKSigner.sign']), 'µs', 1),
      'reference',
    ),
  );
  figures.push(
    figure(
      'our AK/SK signing cost per request (AK/SK - none)',
      fmtSummary(cost('AK/SK'), 'µs', 1),
      "<= Huawei's signer",
    ),
  );
  const ratioText = `${fmt(signingRatio.median)}x (min ${fmt(signingRatio.min)}x, max ${fmt(signingRatio.max)}x, ${signingRatio.runs} runs)`;
  figures.push(figure("our signing cost / Huawei's signer", ratioText, '<= 1.00x', signingRatio.median <= 1));

  // 3. Our signer alone (not a public export: loaded from the built file), one per client as the client keeps it.
  const clientDir = dirname(require.resolve('@sms-errors/client/package.json'));
  const { createRequestSigner } = await import(pathToFileURL(join(clientDir, 'dist', 'sign-request.js')).href);
  const sign = createRequestSigner(CREDENTIALS);
  const now = new Date();
  const signs = [];
  await timeBatch(() => sign('GET', SIGN_URL, now), callsPerBatch / 2);
  for (let run = 0; run < runs; run++) {
    signs.push((await timeBatch(() => sign('GET', SIGN_URL, now), callsPerBatch)) * 1000);
  }
  details.signRequestUs = signs;
  figures.push(
    figure('our signer alone (createRequestSigner, node:crypto)', fmtSummary(summarize(signs), 'µs', 1), 'informative'),
  );
  return { figures, details };
}
