// Templates and dynamic fields (seam 2) against the sandbox in every dialect: the same variables,
// the same field specs, and a payload built from them that really changes the rendered pixels.
import { buildDynamicPayload, describeFields, type Template } from '@canvelete/core';
import { describe, expect, it } from 'vitest';
import { closeTo, pixelAt, rasterInfo, samePixels } from './decode.js';
import { DIALECTS, keyKinds, SEED, useSandbox } from './sandbox-fixture.js';

const TICKET_VARIABLES = ['attendee_name', 'attendee_photo', 'ticket_number', 'vip'];

/** Field key:kind per seeded design read as a design (`:el` = sent as dynamicElements[key].fill). */
const EXPECTED_FIELDS: Record<keyof typeof SEED, string[]> = {
  certificate: [
    'accent:color:el',
    'course_name:text',
    'date:text',
    'recipient_name:text',
    'verify_url:qr',
  ],
  productCard: [
    'badge:color:el',
    'badge_text:text',
    'price:text',
    'product_image:image',
    'product_name:text',
  ],
  ogImage: ['author_avatar:image', 'author_name:text', 'subtitle:text', 'title:text'],
  dailyPost: ['background:color:el', 'date:text', 'headline:text'],
  ticketTemplate: ['attendee_name:text', 'attendee_photo:image', 'ticket_number:text', 'vip:text'],
  staticBanner: [],
};

/** The ticket template through templates.retrieve: declared variable types win over the canvas. */
const TICKET_TEMPLATE_FIELDS = [
  'attendee_name:text',
  'attendee_photo:image',
  'ticket_number:number',
  'vip:boolean',
];

function fieldSignature(template: Template | Parameters<typeof describeFields>[0]): string[] {
  return describeFields(template)
    .map((spec) => `${spec.key}:${spec.kind}${spec.target === 'dynamicElements' ? ':el' : ''}`)
    .sort();
}

describe.each(DIALECTS)('templates and fields (%s dialect)', (dialect) => {
  const fixture = useSandbox(dialect);

  it('lists templates with their variable names, filtered by search and category', async () => {
    const page = await fixture.client.templates.list({ limit: 100 });
    expect(page.items.every((template) => template.isTemplate)).toBe(true);
    const ticket = page.items.find((template) => template.id === SEED.ticketTemplate);
    expect(ticket).toMatchObject({
      name: 'Event ticket',
      category: 'events',
      width: 1000,
      height: 400,
      status: 'PUBLISHED',
      thumbnailUrl: `${fixture.sandbox.url}/thumbnails/${SEED.ticketTemplate}.png`,
    });
    expect(ticket?.variables.map((variable) => variable.name).sort()).toEqual(TICKET_VARIABLES);

    const byCategory = await fixture.client.templates.list({ category: 'events' });
    expect(byCategory.items.map((template) => template.id)).toEqual([SEED.ticketTemplate]);
    const bySearch = await fixture.client.templates.list({ search: 'nothing matches this' });
    expect(bySearch).toMatchObject({ items: [], total: 0, hasMore: false });

    const iterated: string[] = [];
    for await (const template of fixture.client.templates.iterate({ limit: 1 })) {
      iterated.push(template.id);
    }
    expect(iterated).toEqual(page.items.map((template) => template.id));
  });

  it('retrieves a template with the same variable names as the list', async () => {
    const template = await fixture.client.templates.retrieve(SEED.ticketTemplate);
    expect(template).toMatchObject({
      id: SEED.ticketTemplate,
      isTemplate: true,
      category: 'events',
    });
    expect(template.variables.map((variable) => variable.name).sort()).toEqual(TICKET_VARIABLES);
  });

  if (dialect === 'py') {
    it('retrieves the variable names the Python SDK shape carries (`dynamicFields`: names only)', async () => {
      const template = await fixture.client.templates.retrieve(SEED.ticketTemplate);
      expect(template.variables.map((variable) => variable.name).sort()).toEqual(TICKET_VARIABLES);
      expect(template.variables.every((variable) => variable.default === undefined)).toBe(true);
    });
  } else {
    it('retrieves typed template variables with their defaults', async () => {
      const template = await fixture.client.templates.retrieve(SEED.ticketTemplate);
      expect(template.variables).toEqual([
        { name: 'attendee_name', type: 'text', default: 'Guest' },
        { name: 'attendee_photo', type: 'image', default: '/assets/avatar.png' },
        { name: 'ticket_number', type: 'number', default: 1 },
        { name: 'vip', type: 'boolean', default: false },
      ]);
    });
  }

  it('describes the same field keys and kinds for every seeded design', async () => {
    for (const [name, id] of Object.entries(SEED) as [keyof typeof SEED, string][]) {
      const design = await fixture.client.designs.retrieve(id);
      expect({ name, fields: fieldSignature(design) }).toEqual({
        name,
        fields: EXPECTED_FIELDS[name],
      });
    }
  });

  it('describes a template with the same field keys as its design', async () => {
    const template = await fixture.client.templates.retrieve(SEED.ticketTemplate);
    expect(describeFields(template).map((spec) => spec.key)).toEqual(
      describeFields(await fixture.client.designs.retrieve(SEED.ticketTemplate)).map(
        (spec) => spec.key,
      ),
    );
  });

  if (dialect === 'py') {
    it('describes a template from its canvas when the variables carry no types', async () => {
      const template = await fixture.client.templates.retrieve(SEED.ticketTemplate);
      expect(fieldSignature(template)).toEqual(EXPECTED_FIELDS.ticketTemplate);
    });
  } else {
    it('describes a template by its declared variable types', async () => {
      const template = await fixture.client.templates.retrieve(SEED.ticketTemplate);
      expect(fieldSignature(template)).toEqual(TICKET_TEMPLATE_FIELDS);
    });
  }

  it('builds a payload whose values change the rendered pixels (design fields)', async () => {
    const design = await fixture.client.designs.retrieve(SEED.productCard);
    const specs = describeFields(design);
    const render = async (values: Record<string, unknown>) => {
      const payload = buildDynamicPayload(specs, values);
      expect(payload.warnings).toEqual([]);
      const file = await fixture.client.renders.render({
        designId: SEED.productCard,
        format: 'png',
        scale: 0.25,
        dynamicData: payload.dynamicData,
        dynamicElements: payload.dynamicElements,
      });
      return file.bytes;
    };
    const green = await render({ product_name: 'Alpha', badge: '#00ff00', price: '' });
    const blue = await render({ product_name: 'Beta', badge: '#0000ff' });
    expect(await rasterInfo(green)).toEqual({ width: 200, height: 250, format: 'png' });
    expect(await samePixels(green, blue)).toBe(false);
    // The badge (x 560–690, y 110–162 in the design; its text sits at x ≈ 597–653) takes the
    // colour sent as dynamicElements: design px (576, 136) is (144, 34) at scale 0.25.
    expect(closeTo(await pixelAt(green, 144, 34), [0, 255, 0])).toBe(true);
    expect(closeTo(await pixelAt(blue, 144, 34), [0, 0, 255])).toBe(true);
  });

  it('builds a payload from template variables that renders through templateId', async () => {
    const template = await fixture.client.templates.retrieve(SEED.ticketTemplate);
    const specs = describeFields(template);
    const payload = buildDynamicPayload(specs, { attendee_name: 'Zed Zebra', unknown_key: 'x' });
    // An unknown key is still sent (our field list may miss a placeholder) and the server ignores it.
    expect(payload.dynamicData).toEqual({ attendee_name: 'Zed Zebra', unknown_key: 'x' });
    expect(payload.warnings).toHaveLength(1);
    expect(payload.warnings[0]).toContain('unknown_key');
    const base = { templateId: SEED.ticketTemplate, format: 'png' as const, scale: 0.25 };
    const named = await fixture.client.renders.render({
      ...base,
      dynamicData: payload.dynamicData,
    });
    const plain = await fixture.client.renders.render(base);
    expect(await rasterInfo(named.bytes)).toMatchObject({ width: 250, height: 100 });
    expect(await samePixels(named.bytes, plain.bytes)).toBe(false);
  });

  it('sends nothing for blank values, so the design keeps its own', async () => {
    const design = await fixture.client.designs.retrieve(SEED.dailyPost);
    const specs = describeFields(design);
    expect(keyKinds(specs)).toEqual(['background:color', 'date:text', 'headline:text']);
    const payload = buildDynamicPayload(specs, { headline: '', date: undefined, background: '' });
    expect(payload).toEqual({ dynamicData: {}, dynamicElements: {}, warnings: [] });
  });
});
