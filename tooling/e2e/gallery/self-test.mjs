#!/usr/bin/env node
// Proves the check can fail before CI trusts it to pass: builds throwaway galleries in a temp folder
// (a real PNG, a missing image, a remote image, a fetch to a TEST-NET address, a present and a
// missing PDF), runs check.mjs on each in real Chromium, and asserts its exit code and the problems
// it names. Needs Chromium, so it runs in the CI stage, not in `npm test`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const checkScript = join(dirname(fileURLToPath(import.meta.url)), 'check.mjs');

/** A solid-colour RGB PNG, written by hand so the self-test needs no image library. */
function png(/** @type {number} */ width, /** @type {number} */ height) {
  const chunk = (/** @type {string} */ type, /** @type {Buffer} */ data) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, no interlace
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x5a)]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const root = mkdtempSync(join(tmpdir(), 'gallery-self-test-'));
/** @type {{ name: string, wrong: string[], output: string }[]} */
const failures = [];

/**
 * @param {string} name
 * @param {string} body
 * @param {{ status: number, mustSay: string[], mustNotSay?: string[] }} expected
 */
function scenario(name, body, expected) {
  const dir = join(root, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'card 1.png'), png(24, 16));
  writeFileSync(join(dir, 'doc.pdf'), '%PDF-1.7\n%%EOF\n');
  writeFileSync(join(dir, 'fake.pdf'), '<html>not a pdf</html>');
  writeFileSync(join(dir, 'index.html'), `<!doctype html><html><body>${body}</body></html>`);
  const run = spawnSync(process.execPath, [checkScript, join(dir, 'index.html')], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  const output = `${run.stdout}${run.stderr}`;
  /** @type {string[]} */
  const wrong = [];
  if (run.status !== expected.status) wrong.push(`exit ${run.status}, expected ${expected.status}`);
  for (const text of expected.mustSay) if (!output.includes(text)) wrong.push(`missing "${text}"`);
  for (const text of expected.mustNotSay ?? []) {
    if (output.includes(text)) wrong.push(`unexpected "${text}"`);
  }
  if (!existsSync(join(dir, 'screenshot.png'))) wrong.push('no screenshot.png');
  if (wrong.length > 0) failures.push({ name, wrong, output });
  console.log(`self-test ${name}: ${wrong.length === 0 ? 'ok' : `FAILED (${wrong.join('; ')})`}`);
}

try {
  scenario('clean', '<img src="card%201.png"><a href="doc.pdf">doc.pdf</a>', {
    status: 0,
    mustSay: ['img  ok       card%201.png 24×16', 'link ok       doc.pdf', ': OK'],
  });
  scenario(
    'broken',
    '<img src="card%201.png"><img src="missing.png">' +
      '<img src="http://gallery-self-test.invalid/remote.png">' +
      '<a href="doc.pdf">doc.pdf</a><a href="gone.pdf">gone.pdf</a><a href="fake.pdf">fake</a>' +
      // A documentation-only address (TEST-NET-3): harmless even if the guard failed.
      '<script>fetch("http://203.0.113.7/beacon").catch(() => {});</script>',
    {
      status: 1,
      mustSay: [
        'broken image: missing.png',
        'broken image: http://gallery-self-test.invalid/remote.png',
        'non-local request: http://gallery-self-test.invalid/remote.png',
        'non-local request: http://203.0.113.7/beacon',
        'link target missing on disk:',
        'gone.pdf',
        'fake.pdf does not start with %PDF-',
        'FAILED, 6 problem(s)',
      ],
      mustNotSay: ['broken image: card%201.png', 'doc.pdf does not'],
    },
  );
  scenario('no-images', '<p>nothing rendered</p><a href="doc.pdf">doc.pdf</a>', {
    status: 1,
    mustSay: ['the gallery has no <img> at all'],
  });
} finally {
  rmSync(root, { recursive: true, force: true });
}

for (const { name, output } of failures) console.error(`--- ${name} output:\n${output}`);
process.exit(failures.length === 0 ? 0 : 1);
