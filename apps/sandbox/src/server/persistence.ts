// Optional write-through persistence under --data-dir: one JSON file per collection (written atomically
// through a temp file + rename) and rendered files in `files/`. Without a data dir, nothing touches disk.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Persistence {
  readonly enabled: boolean;
  load<T>(collection: string): T | undefined;
  save(collection: string, value: unknown): void;
  writeFile(name: string, bytes: Uint8Array): void;
  readFile(name: string): Uint8Array | undefined;
}

const SAFE_NAME = /^[A-Za-z0-9_.-]+$/;

export function createPersistence(dataDir: string | undefined): Persistence {
  if (!dataDir) {
    return {
      enabled: false,
      load: () => undefined,
      save: () => {},
      writeFile: () => {},
      readFile: () => undefined,
    };
  }
  const filesDir = join(dataDir, 'files');
  mkdirSync(filesDir, { recursive: true });
  const writeAtomic = (path: string, data: string | Uint8Array) => {
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  };
  return {
    enabled: true,
    load<T>(collection: string): T | undefined {
      const path = join(dataDir, `${collection}.json`);
      if (!existsSync(path)) return undefined;
      try {
        return JSON.parse(readFileSync(path, 'utf8')) as T;
      } catch {
        return undefined; // a corrupt file starts that collection empty rather than crashing
      }
    },
    save(collection, value) {
      writeAtomic(join(dataDir, `${collection}.json`), JSON.stringify(value));
    },
    writeFile(name, bytes) {
      if (!SAFE_NAME.test(name)) return;
      writeAtomic(join(filesDir, name), bytes);
    },
    readFile(name) {
      if (!SAFE_NAME.test(name)) return undefined;
      const path = join(filesDir, name);
      return existsSync(path) ? new Uint8Array(readFileSync(path)) : undefined;
    },
  };
}
