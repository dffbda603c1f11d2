// What the page shows after a Send: a one-line summary, then the error or the records, the request as curl,
// and the response (status, headers, the body as the client returned it). Each error class of the client
// has its own words and fields; a bound violation says that nothing was sent.
import {
  errorCategoryText,
  lookupErrorCode,
  SmsApiError,
  type SmsErrorLanguage,
  SmsNetworkError,
  SmsPaginationError,
  SmsResponseError,
  SmsValidationError,
} from 'virtual:sms-errors-client';
import { curlCommand } from './curl.js';
import { definitions, h } from './dom.js';
import type { ConsoleFacts } from './facts.js';
import type { Exchange } from './recording-fetch.js';
import { recordsTable } from './records-table.js';
import type { Outcome } from './send.js';

export interface ResultView {
  summary: HTMLElement;
  details: HTMLElement;
  requestPanel: HTMLElement;
  curl: HTMLElement;
  response: HTMLElement;
}

/** The curl commands shown for a run: all of them up to this many, then a count of the rest. */
const MAX_CURL_COMMANDS = 10;

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** The summary line and the fields of an error, by the client's class for it. */
function describeError(
  error: unknown,
  exchanges: Exchange[],
  baseUrl: string,
  lang: SmsErrorLanguage = 'en',
): { summary: string; fields: HTMLElement } {
  if (error instanceof SmsValidationError) {
    return {
      summary: exchanges.length === 0 ? `Not sent: ${error.message}. No request left the page.` : `${error.message}.`,
      fields: definitions([
        ['error', error.name],
        ['parameter', error.parameter],
        ['expected', error.expected],
      ]),
    };
  }
  if (error instanceof SmsApiError) {
    const entry = error.errorCode === undefined ? undefined : lookupErrorCode(error.errorCode, { lang });
    const details = (error.details ?? [])
      .map((detail) => `${detail.error_code ?? ''} ${detail.error_msg ?? ''}`.trim())
      .join('; ');
    return {
      summary: `The API answered ${error.status}${error.errorCode ? ` ${error.errorCode}` : ''}${error.errorMsg ? `: ${error.errorMsg}` : ''}`,
      fields: definitions([
        ['error', error.name],
        ['status', error.status],
        ['code', error.errorCode],
        ['message', error.errorMsg],
        ['request id', error.requestId],
        ['details', details],
        ['category', entry ? errorCategoryText(entry.category, { lang }).title : undefined],
        ['what to do', entry?.action],
      ]),
    };
  }
  if (error instanceof SmsNetworkError) {
    const url = exchanges.at(-1)?.url ?? baseUrl;
    return {
      summary: `The target did not answer: ${url}. Is it running, and does it answer CORS for this page?`,
      fields: definitions([
        ['error', error.name],
        ['message', error.message],
        ['URL', url],
        ['attempts', error.attempts],
      ]),
    };
  }
  if (isAbort(error)) {
    return { summary: `Stopped after ${plural(exchanges.length, 'request')}.`, fields: definitions([]) };
  }
  if (error instanceof SmsPaginationError) {
    return {
      summary: error.message,
      fields: definitions([
        ['error', error.name],
        ['offset', error.offset],
        ['received', error.received],
        ['count', error.count],
      ]),
    };
  }
  if (error instanceof SmsResponseError) {
    return {
      summary: error.message,
      fields: definitions([
        ['error', error.name],
        ['status', error.status],
        ['violation', error.violation],
      ]),
    };
  }
  const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
  return { summary: `${name}: ${message}`, fields: definitions([['error', name]]) };
}

function summaryOf(outcome: Outcome, baseUrl: string): string {
  if (outcome.kind === 'page') {
    const { count, migration_errors: records } = outcome.page;
    return `Answered ${outcome.exchanges.at(-1)?.response?.status ?? ''}: ${plural(records.length, 'failed source server')} on this page, of ${count} in all.`;
  }
  if (outcome.kind === 'every-page') {
    return `Every page: ${plural(outcome.records.length, 'failed source server')} of ${outcome.count}, in ${plural(outcome.exchanges.length, 'request')}.`;
  }
  return describeError(outcome.error, outcome.exchanges, baseUrl).summary;
}

/** The curl commands of a run, secrets masked unless `showSecrets`. */
export function renderCurl(view: ResultView, exchanges: Exchange[], showSecrets: boolean): void {
  view.requestPanel.hidden = exchanges.length === 0;
  const shown = exchanges.slice(0, MAX_CURL_COMMANDS).map((exchange) => curlCommand(exchange, showSecrets));
  if (exchanges.length > MAX_CURL_COMMANDS) {
    shown.push(`# and ${plural(exchanges.length - MAX_CURL_COMMANDS, 'more request')} like these`);
  }
  view.curl.textContent = shown.join('\n\n');
}

/** The status, headers and body of the last answer. */
function responseSection(outcome: Outcome): HTMLElement | undefined {
  const last = outcome.exchanges.at(-1)?.response;
  let body: unknown;
  if (outcome.kind === 'page') {
    body = outcome.page;
  } else if (outcome.kind === 'every-page') {
    body = outcome.records;
  } else if (outcome.error instanceof SmsApiError) {
    body = outcome.error.body;
  }
  if (last === undefined) {
    return undefined;
  }
  const headers = h(
    'table',
    { id: 'response-headers' },
    h('caption', {}, 'Response headers (those the server lets this page read)'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'name'), h('th', { scope: 'col' }, 'value'))),
    h(
      'tbody',
      {},
      ...last.headers.map(([name, value]) => h('tr', {}, h('th', { scope: 'row' }, name), h('td', {}, value))),
    ),
  );
  const text = typeof body === 'string' ? body : JSON.stringify(body, null, 2);
  return h(
    'div',
    {},
    h('h3', {}, 'Response'),
    h('p', { id: 'response-status' }, `HTTP ${last.status}${last.statusText ? ` ${last.statusText}` : ''}`),
    headers,
    body === undefined
      ? undefined
      : h(
          'details',
          { open: '' },
          h(
            'summary',
            {},
            outcome.kind === 'every-page'
              ? 'Body: every record, as the client returned them'
              : 'Body, as the client returned it',
          ),
          h('pre', { id: 'response-body', tabindex: '0' }, text),
        ),
  );
}

/** Renders the outcome; the decoded errors (records, an SMS error's category and action) are in `lang`. */
export function renderOutcome(
  view: ResultView,
  outcome: Outcome,
  facts: ConsoleFacts,
  baseUrl: string,
  showSecrets: boolean,
  lang: SmsErrorLanguage = 'en',
): void {
  view.summary.textContent = summaryOf(outcome, baseUrl);
  view.details.replaceChildren();
  if (outcome.kind === 'error') {
    view.details.append(
      h(
        'div',
        { id: 'error' },
        h('h3', {}, 'Error'),
        describeError(outcome.error, outcome.exchanges, baseUrl, lang).fields,
      ),
    );
  } else {
    const records = outcome.kind === 'page' ? outcome.page.migration_errors : outcome.records;
    view.details.append(
      h('h3', {}, 'Records'),
      h(
        'div',
        { class: 'table-scroll', role: 'region', 'aria-label': 'Records', tabindex: '0' },
        recordsTable(records, facts, lang),
      ),
    );
  }
  renderCurl(view, outcome.exchanges, showSecrets);
  view.response.replaceChildren(responseSection(outcome) ?? '');
}
