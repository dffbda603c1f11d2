// The form as the client's arguments. Values are passed on as typed, without checks of the page's own:
// the client refuses what is out of bounds (the input's min and max only guide the reader), so the page
// shows exactly the SmsValidationError a program would get.
import type { ListMigrationErrorsQuery, SmsClientOptions } from 'virtual:sms-errors-client';
import type { Targets } from './targets.js';

export interface ConsoleInput {
  /** Where the request goes (checked by the client). */
  baseUrl: string;
  credentials: Pick<SmsClientOptions, 'token' | 'credentials'>;
  query: ListMigrationErrorsQuery;
  /** The mock's scenario, as Prism's Prefer header. */
  headers: Record<string, string> | undefined;
  listAll: boolean;
}

/** The value of the checked radio button of a group. */
function checkedValue(form: HTMLFormElement, name: string): string {
  return form.querySelector<HTMLInputElement>(`input[type="radio"][name="${name}"]:checked`)?.value ?? '';
}

function field(form: HTMLFormElement, id: string): string {
  const control = form.querySelector<HTMLInputElement | HTMLSelectElement>(`#${id}`);
  if (!control) {
    throw new Error(`console: the form has no #${id}`);
  }
  return control.value;
}

/** An input's value for the query: a number for an integer, text otherwise; an empty field is left out. */
function queryValue(input: HTMLInputElement): number | string | undefined {
  if (input.dataset['queryType'] === 'integer') {
    // Text that is no number at all reads as "" in a number input: NaN makes the client say what is expected.
    if (input.validity.badInput) {
      return Number.NaN;
    }
    return input.value === '' ? undefined : Number(input.value);
  }
  return input.value === '' ? undefined : input.value;
}

function readCredentials(form: HTMLFormElement): ConsoleInput['credentials'] {
  switch (checkedValue(form, 'credential-kind')) {
    case 'token':
      return { token: field(form, 'token') };
    case 'ak-sk': {
      const securityToken = field(form, 'security-token');
      return {
        credentials: {
          ak: field(form, 'ak'),
          sk: field(form, 'sk'),
          projectId: field(form, 'project-id'),
          ...(securityToken === '' ? {} : { securityToken }),
        },
      };
    }
    default:
      return {};
  }
}

export function readForm(form: HTMLFormElement, targets: Targets): ConsoleInput {
  const target = checkedValue(form, 'target');
  const baseUrl = target === 'mock' || target === 'sandbox' ? targets.urls[target] : field(form, 'custom-url').trim();
  const query: Record<string, number | string> = {};
  for (const input of form.querySelectorAll<HTMLInputElement>('input[data-query-key]')) {
    const value = queryValue(input);
    if (value !== undefined) {
      query[input.dataset['queryKey']!] = value;
    }
  }
  const scenario = target === 'mock' ? field(form, 'scenario') : '';
  return {
    baseUrl,
    credentials: readCredentials(form),
    query: query as ListMigrationErrorsQuery,
    headers: scenario === '' ? undefined : { Prefer: scenario },
    listAll: form.querySelector<HTMLInputElement>('#list-all')?.checked === true,
  };
}
