// What the docs build writes into the page for its script (scripts/build-console.mjs, from the spec, the
// catalogue and the mock package): read once from the page's JSON block, never typed here.

export type TargetName = 'mock' | 'sandbox';

export interface ConsoleFacts {
  /** Where the mock and the sandbox listen unless the docs server says otherwise (a page opened as a file). */
  defaultTargets: Record<TargetName, string>;
  /** The sandbox's documented test credentials, for the button that fills them in. */
  sandboxCredentials: { ak: string; sk: string; projectId: string };
  /** The Redoc page, relative to the console. */
  docsPage: string;
  /** Each catalogue category's link on the Redoc page, up to the code's own part. */
  categoryLinks: Record<string, string>;
  /** The Chinese catalogue page, relative to the console (a code's link adds `#` and the code's id). */
  zhCataloguePage: string;
}

export function readFacts(): ConsoleFacts {
  const block = document.getElementById('console-facts');
  if (!block?.textContent) {
    throw new Error('console: the page has no facts block; rebuild the docs');
  }
  return JSON.parse(block.textContent) as ConsoleFacts;
}
