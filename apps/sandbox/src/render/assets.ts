// Sandbox assets (apps/sandbox/assets): sample images the seed designs use, served at /assets/….
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface AssetResolver {
  /** Absolute folder the assets are read from. */
  readonly dir: string;
  /** Bytes for `/assets/name.png`, `assets/name.png` or `name.png`; undefined when absent. */
  resolve(path: string): Uint8Array | undefined;
  /** MIME type by extension, for serving. */
  contentType(path: string): string;
  /** Public path (`/assets/name.png`) for a file name. */
  publicPath(fileName: string): string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
};

/** Finds the package's assets folder from this module, in source (src/render) and built (dist) form. */
export function defaultAssetsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 5; depth++) {
    const candidate = join(dir, 'assets');
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'assets');
}

export function createAssetResolver(assetsDir: string = defaultAssetsDir()): AssetResolver {
  const root = resolve(assetsDir);
  return {
    dir: root,
    resolve(path: string) {
      const relative = decodeURIComponent(path.split(/[?#]/)[0] ?? '')
        .replace(/^\/+/, '')
        .replace(/^assets\//, '');
      if (relative === '' || relative.includes('\0')) return undefined;
      const file = resolve(root, relative);
      // Never read outside the assets folder (`/assets/../../etc/passwd`).
      if (!file.startsWith(root + sep)) return undefined;
      try {
        if (!statSync(file).isFile()) return undefined;
        return new Uint8Array(readFileSync(file));
      } catch {
        return undefined;
      }
    },
    contentType(path: string) {
      return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
    },
    publicPath(fileName: string) {
      return `/assets/${fileName.replace(/^\/+/, '')}`;
    },
  };
}
