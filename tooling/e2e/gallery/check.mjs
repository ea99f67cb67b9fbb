#!/usr/bin/env node
// Usage: node check.mjs <path/to/index.html> [--screenshot <file.png>]
// Opens the demo gallery in headless system Chromium (CHROMIUM_PATH, default /usr/bin/chromium),
// offline, prints one line per image and link, saves a full-page screenshot beside index.html,
// and exits 1 on a broken image, no image at all, a missing PDF, an output of summary.json that
// the page leaves out, or any non-local request.
// Exit 2: bad usage, or the gallery or Chromium cannot be found or started.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { inspectGallery } from './src/inspect-gallery.mjs';
import { chromiumPath, isExecutable } from './src/launch-chromium.mjs';
import { judgeCoverage, judgeGallery } from './src/verdict.mjs';

const log = (/** @type {string} */ line) => console.log(`gallery-check: ${line}`);

/**
 * @param {string} message
 * @returns {never}
 */
function usage(message) {
  console.error(`gallery-check: ${message}`);
  console.error('usage: node check.mjs <path/to/index.html> [--screenshot <file.png>]');
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { screenshot: { type: 'string' } },
  });
} catch (error) {
  usage(error instanceof Error ? error.message : String(error));
}
const [indexArg, ...extra] = parsed.positionals;
if (!indexArg || extra.length > 0) usage('expected exactly one path to an index.html');
const indexPath = resolve(indexArg);
if (!existsSync(indexPath)) usage(`no such file: ${indexPath}`);

const executablePath = chromiumPath();
if (!isExecutable(executablePath)) {
  usage(
    `no Chromium at ${executablePath}: apt-get install -y --no-install-recommends chromium, ` +
      'or set CHROMIUM_PATH',
  );
}

let inspection;
try {
  inspection = await inspectGallery({
    indexPath,
    executablePath,
    screenshotPath: parsed.values.screenshot ? resolve(parsed.values.screenshot) : undefined,
  });
} catch (error) {
  console.error(`gallery-check: Chromium could not check ${indexPath}:`);
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(2);
}

log(`${indexPath} in ${inspection.browserVersion}`);
const { lines, problems } = judgeGallery(inspection);
const summaryPath = join(dirname(indexPath), 'summary.json');
if (existsSync(summaryPath))
  problems.push(...judgeCoverage(JSON.parse(readFileSync(summaryPath, 'utf8')), inspection));
for (const line of lines) console.log(`  ${line}`);
log(`screenshot ${inspection.screenshotPath}`);
const summary = `${inspection.images.length} images, ${inspection.links.length} links`;
if (problems.length === 0) {
  log(`${summary}: OK`);
} else {
  log(`${summary}: FAILED, ${problems.length} problem(s):`);
  for (const problem of problems) console.log(`  - ${problem}`);
  process.exitCode = 1;
}
