// Judges what inspect-gallery.mjs collected: one report line per image and link, and the list of
// problems that fail the check. Link targets are checked on disk, not loaded in the browser.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** @typedef {import('./inspect-gallery.mjs').Inspection} Inspection */

/** @param {import('./inspect-gallery.mjs').ImageInfo} image */
export function isImageLoaded(image) {
  return image.complete && image.naturalWidth > 0;
}

/**
 * The first bytes of a file, or undefined when it is missing or not a regular file.
 * @param {string} path
 * @param {number} length
 */
function readHead(path, length) {
  try {
    if (!statSync(path).isFile()) return undefined;
    const fd = openSync(path, 'r');
    try {
      const buffer = Buffer.alloc(length);
      const read = readSync(fd, buffer, 0, length, 0);
      return buffer.subarray(0, read);
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

/** @param {string} url */
function isPdf(url) {
  try {
    return new URL(url).pathname.toLowerCase().endsWith('.pdf');
  } catch {
    return url.toLowerCase().split(/[?#]/)[0]?.endsWith('.pdf') ?? false;
  }
}

/**
 * @param {import('./inspect-gallery.mjs').LinkInfo} link
 * @returns {{ line: string, problem?: string }}
 */
function judgeLink(link) {
  const pdf = isPdf(link.url);
  let target;
  try {
    target = new URL(link.url);
  } catch {
    return { line: `link BAD      ${link.href}`, problem: `link ${link.href} is not a valid URL` };
  }
  if (target.protocol !== 'file:') {
    if (pdf) {
      return {
        line: `link REMOTE   ${link.href}`,
        problem: `PDF link ${link.href} does not point at a file beside the gallery`,
      };
    }
    return { line: `link skipped  ${link.href} (not a local file)` };
  }
  target.hash = '';
  target.search = '';
  const path = fileURLToPath(target);
  const head = readHead(path, 5);
  if (!head) {
    return { line: `link MISSING  ${link.href}`, problem: `link target missing on disk: ${path}` };
  }
  if (pdf && head.toString('latin1') !== '%PDF-') {
    return {
      line: `link NOT-PDF  ${link.href}`,
      problem: `${path} does not start with %PDF-`,
    };
  }
  return { line: `link ok       ${link.href} (${statSync(path).size} bytes${pdf ? ', PDF' : ''})` };
}

/**
 * @param {Inspection} inspection
 * @returns {{ lines: string[], problems: string[] }}
 */
export function judgeGallery(inspection) {
  const lines = [];
  const problems = [];
  for (const image of inspection.images) {
    const size = `${image.naturalWidth}×${image.naturalHeight}`;
    if (isImageLoaded(image)) {
      lines.push(`img  ok       ${image.src} ${size}`);
    } else {
      lines.push(`img  BROKEN   ${image.src} ${size}${image.complete ? '' : ' (never finished)'}`);
      problems.push(`broken image: ${image.src}`);
    }
  }
  if (inspection.images.length === 0) problems.push('the gallery has no <img> at all');
  for (const link of inspection.links) {
    const { line, problem } = judgeLink(link);
    lines.push(line);
    if (problem) problems.push(problem);
  }
  for (const url of inspection.blocked) {
    lines.push(`net  BLOCKED  ${url}`);
    problems.push(`the page tried a non-local request: ${url}`);
  }
  for (const failure of inspection.failedRequests) lines.push(`net  failed   ${failure}`);
  // Script errors are reported but do not fail the check: the gallery is static HTML.
  for (const error of inspection.pageErrors) lines.push(`js   error    ${error}`);
  return { lines, problems };
}

/**
 * Every file the demo reported must be on the page: images inline, everything else as a link, so a
 * gallery that silently drops an output fails too.
 * @param {Array<{ artifacts?: Array<{ file: string, contentType: string }> }>} results summary.json
 * @param {Inspection} inspection
 * @returns {string[]} problems
 */
export function judgeCoverage(results, inspection) {
  const shownImages = new Set(inspection.images.map((image) => decodeURI(image.src)));
  const shownLinks = new Set(inspection.links.map((link) => decodeURI(link.href)));
  const problems = [];
  for (const artifact of results.flatMap((result) => result.artifacts ?? [])) {
    const inline = artifact.contentType.startsWith('image/');
    if (!(inline ? shownImages : shownLinks).has(artifact.file))
      problems.push(`${artifact.file} is in summary.json but not ${inline ? 'shown' : 'linked'}`);
  }
  return problems;
}
