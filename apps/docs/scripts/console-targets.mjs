// Where the console sends requests for "mock" and "sandbox": the docs server tells the page in
// /console/config.json, from the ports the mock and the sandbox were given (MOCK_PORT, SANDBOX_PORT, which
// `npm start` passes on); a page opened as a file uses the defaults, which are the mock's and the
// sandbox's own default ports (apps/mock's commands).

/** The URLs the page assumes when no docs server tells it otherwise. */
export const DEFAULT_CONSOLE_TARGETS = Object.freeze({
  mock: 'http://127.0.0.1:4010',
  sandbox: 'http://127.0.0.1:4011',
});

/** The path the docs server answers the config on, beside the console's index.html. */
export const CONSOLE_CONFIG_PATH = '/console/config.json';

/**
 * `{ mock, sandbox }` base URLs on 127.0.0.1 from MOCK_PORT and SANDBOX_PORT (else the defaults). Throws
 * naming the variable when a port is not an integer from 1 to 65535.
 * @param {Record<string, string | undefined>} env
 */
export function consoleTargetsFromEnv(env) {
  /** @param {'mock' | 'sandbox'} name @param {string} variable */
  const target = (name, variable) => {
    const text = env[variable];
    if (text === undefined || text === '') {
      return DEFAULT_CONSOLE_TARGETS[name];
    }
    const port = Number(text);
    if (!/^\d+$/.test(text.trim()) || port < 1 || port > 65535) {
      throw new Error(`${variable} must be an integer from 1 to 65535, got "${text}"`);
    }
    return `http://127.0.0.1:${port}`;
  };
  return { mock: target('mock', 'MOCK_PORT'), sandbox: target('sandbox', 'SANDBOX_PORT') };
}

/**
 * The config file the docs server adds to what it serves, for serveDirectory's `extraFiles`.
 * @param {{ mock: string, sandbox: string }} targets
 */
export function consoleConfigFiles(targets) {
  return {
    [CONSOLE_CONFIG_PATH]: {
      type: 'application/json; charset=utf-8',
      body: `${JSON.stringify({ mock: targets.mock, sandbox: targets.sandbox })}\n`,
    },
  };
}
