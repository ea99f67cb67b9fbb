import type { Bundle, ZObject } from 'zapier-platform-core';
import { canveleteFor } from './client';
import { withErrors } from './errors';

/**
 * Stashes a render's file when Zapier first needs it. The render is read again by id, so a file
 * whose signed URL expired since the trigger fired still downloads.
 */
export const renderFile = withErrors(
  async (z: ZObject, bundle: Bundle<{ renderId?: string }>): Promise<string> => {
    const client = canveleteFor(z, bundle);
    const render = await client.renders.retrieve(String(bundle.inputData.renderId ?? ''));
    const file = await client.renders.download(render);
    return z.stashFile(
      Buffer.from(file.bytes),
      file.bytes.byteLength,
      file.fileName,
      file.contentType,
    );
  },
);

/** A file field for trigger output: Zapier calls `renderFile` only if a later step uses it. */
export function dehydratedRenderFile(z: ZObject, renderId: string): string {
  return z.dehydrateFile(renderFile, { renderId });
}
