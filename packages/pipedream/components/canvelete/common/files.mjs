import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';

/**
 * Writes a rendered file where Pipedream expects step files: `STASH_DIR` when the platform sets it
 * (synced to File Stash), else `/tmp`. Returns the path, name, type and size for the step output.
 */
export async function saveRenderedFile(file, preferredName) {
  const dir = process.env.STASH_DIR || '/tmp';
  const name = basename(preferredName || file.fileName || `render.${file.format || 'bin'}`).replace(
    /[^A-Za-z0-9._-]/g,
    '_',
  );
  const path = join(dir, name);
  await writeFile(path, file.bytes);
  return { path, name, contentType: file.contentType, size: file.bytes.byteLength };
}
