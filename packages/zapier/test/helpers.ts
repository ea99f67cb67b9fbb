import type { StashedFile, ZapierDelivery } from '@canvelete/testing/zapier';
import type { Harness } from './harness';

export const PRODUCT_CARD = 'Product card';
export const TICKET_TEMPLATE = 'Event ticket';

/** A seeded design's id, looked up by name through the app's own search. */
export async function designIdNamed(harness: Harness, name: string): Promise<string> {
  const found = await harness.run<Array<{ id: string; name: string }>>(
    'searches.find_design.operation.perform',
    { inputData: { name } },
  );
  const exact = found.find((design) => design.name === name);
  if (!exact) throw new Error(`no seeded design named "${name}"`);
  return exact.id;
}

/** The file z.stashFile uploaded to the fake Zapier for this URL. */
export function stashedAt(harness: Harness, url: unknown): StashedFile {
  const file = harness.fake.stashed.find((stashed) => stashed.url === url);
  if (!file) throw new Error(`nothing was stashed at ${String(url)}`);
  return file;
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const signature = Buffer.from(bytes.subarray(0, 8)).toString('hex');
  if (signature !== '89504e470d0a1a0a') throw new Error('not a PNG');
  const view = Buffer.from(bytes);
  return { width: view.readUInt32BE(16), height: view.readUInt32BE(20) };
}

/** The bundle Zapier builds for performResume from a callback POST. */
export function resumeBundle(outputData: unknown, delivery: ZapierDelivery) {
  return {
    outputData: outputData as Record<string, unknown>,
    rawRequest: delivery.rawRequest,
    cleanedRequest: delivery.cleanedRequest,
  };
}
