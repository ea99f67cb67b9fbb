import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The core is bundled into the n8n node, whose verification scanner rejects these; catch them here,
// at the source line, before the bundle scan does.
const FORBIDDEN = [
  /\bprocess\./,
  /\b(?:setTimeout|setInterval|setImmediate|clearTimeout|clearInterval|clearImmediate)\s*\(/,
  /\bglobalThis\b/,
  /\bglobal\./,
  /\b__dirname\b|\b__filename\b/,
  /\beval\s*\(/,
  /\bnew\s+Function\b/,
  /\bconsole\./,
];
const ALLOWED_IMPORT = /^(?:\.\.?\/|valibot$|node:crypto$)/;

const root = new URL('.', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'test-support' || entry.name === '__fixtures__'
        ? []
        : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}

describe('runtime source rules', () => {
  const files = sourceFiles(root);

  it('finds the source files', () => {
    expect(files.map((file) => relative(root, file))).toContain('http/request.ts');
  });

  it('uses no forbidden global (process, timers, globalThis, eval, console …)', () => {
    const offences = files.flatMap((file) => {
      const code = withoutComments(readFileSync(file, 'utf8'));
      return FORBIDDEN.filter((pattern) => pattern.test(code)).map(
        (pattern) => `${relative(root, file)}: ${pattern}`,
      );
    });
    expect(offences).toEqual([]);
  });

  it('imports only relative files, valibot and node:crypto', () => {
    const offences = files.flatMap((file) => {
      const code = readFileSync(file, 'utf8');
      return [...code.matchAll(/\bfrom\s+'([^']+)'/g)]
        .map((match) => match[1] as string)
        .filter((specifier) => !ALLOWED_IMPORT.test(specifier))
        .map((specifier) => `${relative(root, file)}: ${specifier}`);
    });
    expect(offences).toEqual([]);
  });
});
