import { describe, expect, it } from 'vitest';
import { CanveleteError } from '../errors/index.js';
import { productCard } from './__fixtures__/product-card.js';
import { describeFields } from './describe-fields.js';
import { humanizeKey } from './labels.js';

const design = (...elements: unknown[]) => ({ canvasData: { elements } });
const only = (input: Parameters<typeof describeFields>[0]) => {
  const specs = describeFields(input);
  expect(specs).toHaveLength(1);
  return specs[0]!;
};

describe('describeFields: the seam-2 rule table, row by row', () => {
  it('{{key}} in a text element → text in dynamicData', () => {
    expect(only(design({ id: 't1', type: 'text', name: 'Heading', text: '{{headline}}' }))).toEqual(
      {
        key: 'headline',
        label: 'Headline',
        kind: 'text',
        required: false,
        target: 'dynamicData',
        elementId: 't1',
        description: 'Fills {{headline}} in the text element "Heading".',
      },
    );
  });

  it("{{key}} in an image's src → image", () => {
    const spec = only(design({ type: 'image', src: '{{ product_image }}' }));
    expect(spec).toMatchObject({ key: 'product_image', kind: 'image', target: 'dynamicData' });
  });

  it('{{key}} in qrValue / barcodeValue → qr / barcode', () => {
    expect(only(design({ type: 'qr', qrValue: '{{url}}' })).kind).toBe('qr');
    expect(only(design({ type: 'barcode', barcodeValue: '{{sku}}' })).kind).toBe('barcode');
  });

  it('isDynamic text / image named N without a placeholder → text / image keyed N', () => {
    const text = only(
      design({ id: 'a', type: 'text', name: 'tagline', isDynamic: true, text: 'Hi' }),
    );
    expect(text).toMatchObject({
      key: 'tagline',
      kind: 'text',
      target: 'dynamicData',
      currentValue: 'Hi',
    });
    const image = only(
      design({ type: 'image', name: 'logo', isDynamic: true, src: 'https://x/l.png' }),
    );
    expect(image).toMatchObject({ key: 'logo', kind: 'image', currentValue: 'https://x/l.png' });
  });

  it.each(['rectangle', 'circle', 'star', 'polygon', 'container'])(
    'isDynamic %s named N → color in dynamicElements[N].fill',
    (type) => {
      expect(
        only(design({ id: 'e1', type, name: 'bg', isDynamic: true, fill: '#123456' })),
      ).toEqual({
        key: 'bg',
        label: 'Bg',
        kind: 'color',
        required: false,
        target: 'dynamicElements',
        property: 'fill',
        elementId: 'e1',
        currentValue: '#123456',
        description: expect.stringContaining(`Fill colour of the ${type} "bg"`),
      });
    },
  );

  it('template variables {name, type} → kind from type, in dynamicData', () => {
    const specs = describeFields({
      isTemplate: true,
      variables: [
        { name: 'title', type: 'text' },
        { name: 'photo', type: 'image' },
        { name: 'count', type: 'number', default: 3 },
        { name: 'show_badge', type: 'boolean', required: true },
      ],
    });
    expect(specs.map((s) => [s.key, s.kind, s.required, s.currentValue, s.target])).toEqual([
      ['title', 'text', false, undefined, 'dynamicData'],
      ['photo', 'image', false, undefined, 'dynamicData'],
      ['count', 'number', false, 3, 'dynamicData'],
      ['show_badge', 'boolean', true, undefined, 'dynamicData'],
    ]);
  });

  it('template variables as names (variables: string[] or dynamicFields) → optional text', () => {
    const specs = describeFields({
      variables: ['first_name'],
      dynamicFields: ['company', 'first_name'],
    });
    expect(specs.map((s) => [s.key, s.kind, s.required])).toEqual([
      ['first_name', 'text', false],
      ['company', 'text', false],
    ]);
    expect(specs[0]!.description).toBe('Template variable (text).');
  });
});

describe('describeFields: everything together', () => {
  it('lists a whole design in canvas order, placeholders before isDynamic, then variables', () => {
    const specs = describeFields({
      ...productCard,
      variables: [{ name: 'discount', type: 'number' }],
    });
    expect(specs.map((s) => `${s.key}:${s.kind}`)).toEqual([
      'background:color',
      'product_name:text',
      'price:text',
      'currency:text',
      'product_image:image',
      'product_url:qr',
      'sku:barcode',
      'tagline:text',
      'logo:image',
      'badge:color',
      'discount:number',
    ]);
  });

  it('skips static elements and dynamic types without a rule (line)', () => {
    const keys = describeFields(productCard).map((s) => s.key);
    expect(keys).not.toContain('frame');
    expect(keys).not.toContain('divider');
  });

  it('uses a placeholder, not the element name, when an isDynamic element has one', () => {
    const keys = describeFields(productCard).map((s) => s.key);
    expect(keys).toContain('product_name');
    expect(keys).not.toContain('Title');
  });

  it("gives the element's own text as currentValue only when it is more than the placeholder", () => {
    const specs = describeFields(productCard);
    expect(specs.find((s) => s.key === 'product_name')!.currentValue).toBeUndefined();
    expect(specs.find((s) => s.key === 'price')!.currentValue).toBe(
      'Only {{price}} today, {{ currency }}',
    );
  });
});

describe('describeFields: dedupe, labels, odd input', () => {
  it('lists a key used by several elements once; the first kind wins and the description says so', () => {
    const specs = describeFields(
      design(
        { type: 'text', name: 'A', text: '{{name}}' },
        { type: 'text', name: 'B', text: 'Dear {{name}}' },
        { type: 'image', name: 'C', src: '{{name}}' },
      ),
    );
    expect(specs).toHaveLength(1);
    expect(specs[0]).toMatchObject({ key: 'name', kind: 'text', currentValue: 'Dear {{name}}' });
    expect(specs[0]!.description).toContain('Also used by "B".');
    expect(specs[0]!.description).toContain('Also used as image by "C"; treated as text.');
  });

  it('merges a template variable with a placeholder of the same key', () => {
    const specs = describeFields({
      ...design({ type: 'text', text: '{{price}}' }),
      variables: [
        { name: 'price', type: 'number', default: 9, required: true, label: 'Price (EUR)' },
      ],
    });
    expect(specs).toHaveLength(1);
    expect(specs[0]).toMatchObject({
      kind: 'number',
      required: true,
      label: 'Price (EUR)',
      currentValue: 9,
      target: 'dynamicData',
    });
    expect(specs[0]!.description).toContain('Declared as number by the template; used as text');
  });

  it('keeps the placeholder kind when the variable declares no type, or the field is a colour', () => {
    const untyped = describeFields({
      ...design({ type: 'image', src: '{{photo}}' }),
      variables: ['photo'],
    });
    expect(untyped[0]).toMatchObject({ kind: 'image' });
    const declaredText = describeFields({
      ...design({ type: 'image', src: '{{photo}}' }),
      variables: [{ name: 'photo', type: 'text' }],
    });
    expect(declaredText[0]).toMatchObject({ kind: 'image' });
    const colour = describeFields({
      ...design({ type: 'rectangle', isDynamic: true, name: 'badge' }),
      variables: [{ name: 'badge', type: 'text' }],
    });
    expect(colour[0]).toMatchObject({ kind: 'color', target: 'dynamicElements' });
  });

  it('keeps dotted keys whole and allows whitespace inside braces', () => {
    const specs = describeFields(
      design({ type: 'text', text: 'Hi {{  user.first_name }} {{user.last}}' }),
    );
    expect(specs.map((s) => s.key)).toEqual(['user.first_name', 'user.last']);
  });

  it('reads canvasData given as a JSON string and rejects an unparsable one', () => {
    const canvasData = JSON.stringify({ elements: [{ type: 'text', text: '{{a}}' }] });
    expect(describeFields({ canvasData }).map((s) => s.key)).toEqual(['a']);
    try {
      describeFields({ canvasData: '{oops' });
      expect.unreachable();
    } catch (error) {
      expect(CanveleteError.isInstance(error) && error.code).toBe('VALIDATION_ERROR');
    }
  });

  it('tolerates name drift: qrcode + qrData, barcodeData, content, rect', () => {
    const specs = describeFields(
      design(
        { type: 'qrcode', qrData: '{{link}}' },
        { type: 'barcode', barcodeData: '{{code}}' },
        { type: 'text', content: '{{headline}}' },
        { type: 'rect', name: 'panel', isDynamic: true, fill: 'red' },
        { type: 'QRCode', name: 'ticket', isDynamic: true, qrData: 'T-1' },
      ),
    );
    expect(specs.map((s) => `${s.key}:${s.kind}:${s.target}`)).toEqual([
      'link:qr:dynamicData',
      'code:barcode:dynamicData',
      'headline:text:dynamicData',
      'panel:color:dynamicElements',
      'ticket:qr:dynamicData',
    ]);
  });

  it('returns nothing for designs without dynamic content or without canvas data', () => {
    expect(describeFields({})).toEqual([]);
    expect(describeFields(design({ type: 'text', text: 'plain' }, null, 'junk'))).toEqual([]);
  });

  it.each([
    ['product_name', 'Product name'],
    ['user.firstName', 'User first name'],
    ['QRCode', 'QR code'],
    ['hero-image', 'Hero image'],
    ['sku', 'Sku'],
  ])('labels %s as %s', (key, label) => {
    expect(humanizeKey(key)).toBe(label);
  });
});
