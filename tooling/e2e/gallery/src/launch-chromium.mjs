// Starts the system Chromium (never a downloaded one) headless, with the flags a root user in a
// container needs, and with every hostname unresolvable so nothing can leave the machine even if a
// request slipped past the page's own request guard.
import { accessSync, constants } from 'node:fs';
import puppeteer from 'puppeteer-core';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** @param {NodeJS.ProcessEnv} env */
export function chromiumPath(env = process.env) {
  return env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
}

/** @param {string} path */
export function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

// puppeteer-core adds --headless=new (headless: true) and its own automation defaults.
const CHROMIUM_ARGS = [
  // Root in a container: the setuid/namespace sandbox is unavailable.
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-default-browser-check',
  '--no-proxy-server',
  // A backstop to the request guard: names never resolve; 127.0.0.1 stays reachable.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  '--window-size=1280,900',
];

/**
 * @param {{ executablePath: string, userDataDir: string, timeoutMs: number }} options
 * @returns {Promise<import('puppeteer-core').Browser>}
 */
export function launchChromium({ executablePath, userDataDir, timeoutMs }) {
  return puppeteer.launch({
    executablePath,
    userDataDir,
    headless: true,
    args: CHROMIUM_ARGS,
    defaultViewport: { width: 1280, height: 900 },
    timeout: timeoutMs,
    protocolTimeout: timeoutMs,
    // Keep Chromium's own stderr out of the report; its errors surface through the protocol.
    dumpio: false,
  });
}
