// Every platform's render step shows the same dynamic fields for the same design: the keys, kinds
// and required flags the core's field model derives.
import { Canvelete, describeFields } from '@canvelete/core';
import type { DriverField, RenderSource } from '@canvelete/testing/drivers';
import { describe, expect, it } from 'vitest';
import { PLATFORMS } from './platforms.ts';
import { SEED, useContractWorld } from './world.ts';

const world = useContractWorld();

const SOURCES: Array<[string, RenderSource]> = [
  ['product card (text, image, colour)', { designId: SEED.productCard }],
  ['Open Graph image', { designId: SEED.ogImage }],
  ['certificate (QR code)', { designId: SEED.certificate }],
  ['daily post', { designId: SEED.dailyPost }],
  ['static banner (no fields)', { designId: SEED.staticBanner }],
  ['event-ticket template (typed variables)', { templateId: SEED.ticketTemplate }],
];

const byKey = (fields: DriverField[]) =>
  [...fields]
    .map(({ key, kind, required }) => ({ key, kind, required }))
    .sort((a, b) => a.key.localeCompare(b.key));

async function coreFields(source: RenderSource): Promise<DriverField[]> {
  const client = new Canvelete({ apiKey: world.sandbox.apiKey, baseUrl: world.sandbox.url });
  const record =
    'designId' in source
      ? await client.designs.retrieve(source.designId)
      : await client.templates.retrieve(source.templateId);
  return describeFields(record).map(({ key, kind, required }) => ({
    key,
    kind,
    required,
  }));
}

describe.each(SOURCES)('fields of the %s', (_name, source) => {
  it.each(PLATFORMS.map((p) => p.platform))(
    'match the core field model on %s',
    async (platform) => {
      const expected = byKey(await coreFields(source));
      expect(byKey(await world.driver(platform).fields(source))).toEqual(expected);
    },
  );

  it('has fields to compare (the table is not vacuous) except for the static banner', async () => {
    const expected = await coreFields(source);
    expect(expected.length > 0).toBe(
      !('designId' in source && source.designId === SEED.staticBanner),
    );
  });
});
