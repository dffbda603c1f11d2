// Where the mock and the sandbox are. The docs server knows (their ports can be moved) and says so in
// config.json beside the page; a page opened as a file has no server to ask, and assumes the defaults the
// build wrote. A config that cannot be read is not fatal: the defaults stand, and the page says which.
import type { TargetName } from './facts.js';

export interface Targets {
  urls: Record<TargetName, string>;
  /** Where the URLs come from, in words for the page. */
  source: string;
}

/** An absolute http(s) URL without its trailing slash, or undefined. */
function baseUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href.replace(/\/+$/, '') : undefined;
  } catch {
    return undefined;
  }
}

export async function loadTargets(defaults: Record<TargetName, string>): Promise<Targets> {
  if (location.protocol !== 'http:' && location.protocol !== 'https:') {
    return { urls: defaults, source: 'the defaults (this page was opened as a file)' };
  }
  try {
    const response = await fetch(new URL('config.json', location.href), { cache: 'no-store' });
    if (!response.ok) {
      return { urls: defaults, source: `the defaults (config.json answered ${response.status})` };
    }
    const config: unknown = await response.json();
    const mock = baseUrl(Object(config).mock);
    const sandbox = baseUrl(Object(config).sandbox);
    if (mock === undefined || sandbox === undefined) {
      return { urls: defaults, source: 'the defaults (config.json has no mock and sandbox URLs)' };
    }
    return { urls: { mock, sandbox }, source: 'the docs server' };
  } catch {
    return { urls: defaults, source: 'the defaults (no config.json from the docs server)' };
  }
}
