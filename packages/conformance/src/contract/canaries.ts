// Recognisable credentials: any text a platform shows that contains CANARY leaked a secret.
import { inspect } from 'node:util';

export const CANARY = 'LEAKCANARY';
export const CANARY_KEY = `cvt_${CANARY}key0000000000000000000001`;
export const CANARY_UNKNOWN_KEY = `cvt_${CANARY}unknown00000000000000002`;
export const CANARY_READ_ONLY_KEY = `cvt_${CANARY}readonly0000000000000003`;
export const CANARY_SECRET = `whsec_${CANARY}secret000000000000000004`;

/** Everything reachable from a value as text (own properties, causes, nested errors). */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  return inspect(value, {
    depth: 10,
    breakLength: Number.POSITIVE_INFINITY,
    maxStringLength: null,
  });
}

/** The secrets found in `text`, by name; empty when it is clean. */
export function leaksIn(
  text: string,
  extraSecrets: Record<string, string | undefined> = {},
): string[] {
  const found = text.includes(CANARY) ? ['a canary credential'] : [];
  for (const [name, secret] of Object.entries(extraSecrets))
    if (secret && secret.length >= 8 && text.includes(secret)) found.push(name);
  return found;
}
