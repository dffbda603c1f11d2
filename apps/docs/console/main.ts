// The console's script: wires the form to the client. Secrets typed into the form stay in the form and in
// this page's memory: nothing is written to storage, to the URL or to the console log.
import { SmsValidationError } from 'virtual:sms-errors-client';
import { type CurrentListing, renderComparison } from './compare.js';
import { byId } from './dom.js';
import { readFacts } from './facts.js';
import { readForm } from './read-form.js';
import type { Exchange } from './recording-fetch.js';
import { type ResultView, renderCurl, renderOutcome } from './render.js';
import { type Outcome, PAGER_OPTION_FIELDS, type Progress, send } from './send.js';
import { loadTargets } from './targets.js';

const facts = readFacts();
const form = byId('console-form', HTMLFormElement);
const sendButton = byId('send', HTMLButtonElement);
const stopButton = byId('stop', HTMLButtonElement);
const showSecrets = byId('show-secrets', HTMLInputElement);
const result = byId('result', HTMLElement);
const resultHeading = byId('result-heading', HTMLHeadingElement);
const progress = byId('progress', HTMLElement);
const progressBar = byId('progress-bar', HTMLProgressElement);
const progressText = byId('progress-text', HTMLElement);
const view: ResultView = {
  summary: byId('result-summary', HTMLElement),
  details: byId('result-details', HTMLElement),
  requestPanel: byId('request-panel', HTMLElement),
  curl: byId('curl', HTMLElement),
  response: byId('response-details', HTMLElement),
};

const targetsReady = loadTargets(facts.defaultTargets).then((targets) => {
  for (const element of document.querySelectorAll<HTMLElement>('[data-target-url]')) {
    const name = element.dataset['targetUrl'];
    if (name === 'mock' || name === 'sandbox') {
      element.textContent = targets.urls[name];
    }
  }
  byId('targets-source', HTMLElement).textContent = `Mock and sandbox URLs: ${targets.source}.`;
  return targets;
});

function checkedValue(name: string): string {
  return form.querySelector<HTMLInputElement>(`input[type="radio"][name="${name}"]:checked`)?.value ?? '';
}

/** Shows only the controls of the chosen target and kind of credentials. */
function showChosenControls(): void {
  const target = checkedValue('target');
  byId('scenario-field', HTMLElement).hidden = target !== 'mock';
  byId('custom-url-field', HTMLElement).hidden = target !== 'custom';
  const kind = checkedValue('credential-kind');
  byId('token-fields', HTMLElement).hidden = kind !== 'token';
  byId('ak-sk-fields', HTMLElement).hidden = kind !== 'ak-sk';
}
form.addEventListener('change', showChosenControls);
showChosenControls();

byId('fill-sandbox-credentials', HTMLButtonElement).addEventListener('click', () => {
  byId('credential-ak-sk', HTMLInputElement).checked = true;
  byId('ak', HTMLInputElement).value = facts.sandboxCredentials.ak;
  byId('sk', HTMLInputElement).value = facts.sandboxCredentials.sk;
  byId('project-id', HTMLInputElement).value = facts.sandboxCredentials.projectId;
  byId('security-token', HTMLInputElement).value = '';
  showChosenControls();
});

// Enter in any field sends: text fields would by themselves, selects, checkboxes and radio buttons would not.
form.addEventListener('keydown', (event) => {
  const field = event.target;
  if (
    event.key !== 'Enter' ||
    event.isComposing ||
    !(field instanceof HTMLInputElement || field instanceof HTMLSelectElement)
  ) {
    return;
  }
  event.preventDefault();
  form.requestSubmit();
});

/** Points at the field a SmsValidationError names (aria-invalid), and clears the previous one. */
function markInvalid(parameter: string | undefined): void {
  for (const control of form.querySelectorAll('[aria-invalid="true"]')) {
    control.removeAttribute('aria-invalid');
  }
  if (parameter === undefined) {
    return;
  }
  const name = PAGER_OPTION_FIELDS[parameter] ?? parameter;
  form.querySelector(`[data-parameter="${CSS.escape(name)}"]`)?.setAttribute('aria-invalid', 'true');
}

function showProgress({ offset, received, count }: Progress): void {
  progressBar.max = Math.max(count, 1);
  progressBar.value = received;
  progressText.textContent = `${received} of ${count} records (last page at offset ${offset})`;
}

let running: AbortController | undefined;
let lastExchanges: Exchange[] = [];

// The decoded errors follow the page's language (its lang attribute) until the switch picks another; a
// switch re-renders the last result, so nothing is sent again.
const languageSwitch = byId('decode-language', HTMLSelectElement);
languageSwitch.value = document.documentElement.lang.startsWith('zh') ? 'zh' : 'en';
const decodeLanguage = () => (languageSwitch.value === 'zh' ? 'zh' : 'en');
let lastResult: { outcome: Outcome; baseUrl: string } | undefined;
languageSwitch.addEventListener('change', () => {
  if (lastResult) {
    renderOutcome(view, lastResult.outcome, facts, lastResult.baseUrl, showSecrets.checked, decodeLanguage());
  }
  void compare();
});

// The listing a snapshot is compared with: the last one received (none after an error).
const comparePanel = byId('compare-panel', HTMLElement);
const snapshotFile = byId('snapshot-file', HTMLInputElement);
const comparison = byId('comparison', HTMLElement);
let currentListing: CurrentListing | undefined;

async function compare(): Promise<void> {
  const file = snapshotFile.files?.[0];
  if (file === undefined || currentListing === undefined) {
    comparison.replaceChildren();
    return;
  }
  await renderComparison(comparison, file, currentListing, facts, decodeLanguage());
}
snapshotFile.addEventListener('change', () => void compare());

showSecrets.addEventListener('change', () => renderCurl(view, lastExchanges, showSecrets.checked));
stopButton.addEventListener('click', () => running?.abort());

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (running) {
    return;
  }
  running = new AbortController();
  sendButton.disabled = true;
  result.setAttribute('aria-busy', 'true');
  // Whatever happens below, the form is usable again afterwards: Send must never stay disabled.
  try {
    const targets = await targetsReady;
    const input = readForm(form, targets);
    markInvalid(undefined);
    view.summary.textContent = input.listAll ? 'Listing every page…' : 'Sending…';
    progress.hidden = !input.listAll;
    progressBar.removeAttribute('value');
    progressText.textContent = '';
    stopButton.disabled = false;
    const outcome = await send(input, running.signal, showProgress);
    lastExchanges = outcome.exchanges;
    lastResult = { outcome, baseUrl: input.baseUrl };
    renderOutcome(view, outcome, facts, input.baseUrl, showSecrets.checked, decodeLanguage());
    if (outcome.kind === 'page') {
      currentListing = { records: outcome.page.migration_errors, count: outcome.page.count };
    } else if (outcome.kind === 'every-page') {
      currentListing = { records: outcome.records, count: outcome.count };
    } else {
      currentListing = undefined;
    }
    comparePanel.hidden = currentListing === undefined;
    await compare();
    if (outcome.kind === 'error' && outcome.error instanceof SmsValidationError) {
      markInvalid(outcome.error.parameter);
    }
  } finally {
    running = undefined;
    sendButton.disabled = false;
    stopButton.disabled = true;
    result.setAttribute('aria-busy', 'false');
    resultHeading.focus();
  }
});
