// A Zapier step's file read back: what Zapier would hand to the next step (a stashed file, or a
// dehydrated one hydrated on demand).

import type { DriverFile } from './types.ts';
import type { ZapierSession } from './zapier-session.ts';

/** A file z.stashFile put into Zapier's (fake) file storage, by the URL the step returned. */
export function stashedFile(session: ZapierSession, url: unknown): DriverFile | undefined {
  if (typeof url !== 'string') return undefined;
  const stashed = session.runtime.fake.stashed.find((file) => file.url === url);
  if (!stashed) return undefined;
  return {
    bytes: new Uint8Array(stashed.bytes),
    contentType: stashed.contentType,
    fileName: stashed.filename,
  };
}

const DEHYDRATED = /^hydrate\|\|\|(.*)\|\|\|hydrate$/s;

/**
 * Zapier resolves a dehydrated file only when a later step uses it, by running the app's hydrator
 * with the bundle the app packed in; the hydrator stashes the file and returns its URL.
 */
export async function hydratedFile(
  session: ZapierSession,
  value: unknown,
): Promise<DriverFile | undefined> {
  if (typeof value !== 'string') return undefined;
  const packed = DEHYDRATED.exec(value)?.[1];
  if (packed === undefined) return stashedFile(session, value);
  const { method, bundle } = JSON.parse(packed) as {
    method: string;
    bundle: Record<string, unknown>;
  };
  const url = await session.run<string>(method, { inputData: bundle });
  return stashedFile(session, url);
}
