// Opens a gallery page in Chromium with every non-local request blocked, waits until each <img>
// has loaded or failed, and collects what the page holds: images with their natural sizes, link
// targets, requests it tried to send off the machine, and script errors. Judging is verdict.mjs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from './launch-chromium.mjs';

/**
 * Local schemes, plus a loopback server on 127.0.0.1 (any port) should a gallery ever be served.
 * @param {string} url
 */
export function isLocalRequest(url) {
  if (/^(file|data|blob|about):/i.test(url)) return true;
  try {
    const { protocol, hostname } = new URL(url);
    return (protocol === 'http:' || protocol === 'https:') && hostname === '127.0.0.1';
  } catch {
    return false;
  }
}

/**
 * @typedef {{ src: string, url: string, complete: boolean, naturalWidth: number, naturalHeight: number }} ImageInfo
 * @typedef {{ href: string, url: string, text: string }} LinkInfo
 * @typedef {{ browserVersion: string, images: ImageInfo[], links: LinkInfo[], blocked: string[],
 *   failedRequests: string[], pageErrors: string[], screenshotPath: string }} Inspection
 */

/**
 * @param {{ indexPath: string, executablePath: string, screenshotPath?: string, timeoutMs?: number }} options
 * @returns {Promise<Inspection>}
 */
export async function inspectGallery({
  indexPath,
  executablePath,
  screenshotPath,
  timeoutMs = 60_000,
}) {
  const shotPath = screenshotPath ?? join(dirname(indexPath), 'screenshot.png');
  // Our own throwaway profile: puppeteer leaves its temporary one behind when a launch fails.
  const userDataDir = mkdtempSync(join(tmpdir(), 'gallery-check-profile-'));
  try {
    return await inspectWith({ indexPath, shotPath, executablePath, userDataDir, timeoutMs });
  } finally {
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

/**
 * @param {{ indexPath: string, shotPath: string, executablePath: string, userDataDir: string,
 *   timeoutMs: number }} options
 * @returns {Promise<Inspection>}
 */
async function inspectWith({ indexPath, shotPath, executablePath, userDataDir, timeoutMs }) {
  const browser = await launchChromium({ executablePath, userDataDir, timeoutMs });
  try {
    const page = await browser.newPage();
    /** @type {string[]} */
    const blocked = [];
    /** @type {string[]} */
    const failedRequests = [];
    /** @type {string[]} */
    const pageErrors = [];

    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.isInterceptResolutionHandled()) return;
      const url = request.url();
      if (isLocalRequest(url)) {
        void request.continue();
      } else {
        blocked.push(url);
        void request.abort('blockedbyclient');
      }
    });
    page.on('requestfailed', (request) => {
      if (isLocalRequest(request.url())) {
        failedRequests.push(`${request.url()} (${request.failure()?.errorText ?? 'failed'})`);
      }
    });
    page.on('pageerror', (error) => {
      pageErrors.push(error instanceof Error ? error.message : String(error));
    });

    await page.goto(pathToFileURL(indexPath).href, { waitUntil: 'load', timeout: timeoutMs });
    const images = await page.evaluate(settleImages, Math.min(timeoutMs, 30_000));
    const links = await page.evaluate(() =>
      Array.from(document.querySelectorAll('a[href]'), (a) => ({
        href: a.getAttribute('href') ?? '',
        url: /** @type {HTMLAnchorElement} */ (a).href,
        text: (a.textContent ?? '').trim(),
      })),
    );
    await page.screenshot({ path: /** @type {`${string}.png`} */ (shotPath), fullPage: true });
    return {
      browserVersion: await browser.version(),
      images,
      links,
      blocked,
      failedRequests,
      pageErrors,
      screenshotPath: shotPath,
    };
  } finally {
    await browser.close();
  }
}

/**
 * Runs in the page. Lazy images would never load off-screen, so they are switched to eager; then
 * it waits for every image to load or fail (bounded, so a stuck image reports as broken).
 * @param {number} waitMs
 * @returns {Promise<ImageInfo[]>}
 */
async function settleImages(waitMs) {
  const images = Array.from(document.images);
  for (const image of images) {
    if (image.loading === 'lazy') image.loading = 'eager';
  }
  const settled = Promise.all(
    images.map((image) =>
      image.complete
        ? undefined
        : new Promise((resolve) => {
            image.addEventListener('load', resolve, { once: true });
            image.addEventListener('error', resolve, { once: true });
          }),
    ),
  );
  await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, waitMs))]);
  return images.map((image) => ({
    src: image.getAttribute('src') ?? '',
    url: image.currentSrc || image.src,
    complete: image.complete,
    naturalWidth: image.naturalWidth,
    naturalHeight: image.naturalHeight,
  }));
}
