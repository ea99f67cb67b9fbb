import { describe, expect, it } from 'vitest';
import { productCard } from './__fixtures__/product-card.js';
import { buildDynamicPayload } from './build-dynamic-payload.js';
import { describeFields } from './describe-fields.js';

const specs = describeFields({
  ...productCard,
  variables: [
    { name: 'quantity', type: 'number' },
    { name: 'on_sale', type: 'boolean' },
  ],
});

describe('buildDynamicPayload', () => {
  it('routes each kind to its place: dynamicData, or dynamicElements[N].fill for colours', () => {
    const result = buildDynamicPayload(specs, {
      product_name: 'Espresso',
      product_image: 'https://cdn.example/espresso.png',
      product_url: 'https://shop.example/espresso',
      sku: '4006381333931',
      background: '#000000',
      badge: 'linear-gradient(#fff, #000)',
      quantity: 2,
      on_sale: true,
    });
    expect(result).toEqual({
      dynamicData: {
        product_name: 'Espresso',
        product_image: 'https://cdn.example/espresso.png',
        product_url: 'https://shop.example/espresso',
        sku: '4006381333931',
        quantity: 2,
        on_sale: true,
      },
      dynamicElements: {
        background: { fill: '#000000' },
        badge: { fill: 'linear-gradient(#fff, #000)' },
      },
      warnings: [],
    });
  });

  it('omits blank values (undefined, null, "") so the design keeps its own, but sends 0 and false', () => {
    const result = buildDynamicPayload(specs, {
      product_name: '',
      tagline: undefined,
      background: '',
      logo: null,
      price: 0,
      quantity: 0,
      on_sale: false,
      currency: false,
    });
    expect(result.dynamicData).toEqual({ price: 0, quantity: 0, on_sale: false, currency: false });
    expect(result.dynamicElements).toEqual({});
    expect(result.warnings).toEqual([]);
  });

  it('coerces numeric strings for numbers and "true"/"false" for booleans', () => {
    const result = buildDynamicPayload(specs, { quantity: ' 2.5 ', on_sale: 'FALSE' });
    expect(result.dynamicData).toEqual({ quantity: 2.5, on_sale: false });
  });

  it('warns about values that do not fit, without throwing or sending them', () => {
    const result = buildDynamicPayload(specs, {
      quantity: 'a few',
      on_sale: 'yes',
      product_image: 'ftp://files.example/a.png',
      logo: 'www.example.com/logo.png',
      product_name: { nested: true },
      background: 42,
    });
    expect(result.dynamicData).toEqual({});
    expect(result.dynamicElements).toEqual({});
    expect(result.warnings).toHaveLength(6);
    expect(result.warnings.join('\n')).toMatch(
      /"product_name" \(text\): expected text.*keeps its own value/,
    );
    expect(result.warnings.join('\n')).toMatch(
      /"quantity" \(number\): expected a number, got "a few"/,
    );
    expect(result.warnings.join('\n')).toMatch(
      /"logo" \(image\): expected an http\(s\) URL or a data: URL/,
    );
  });

  it('accepts data: URLs and http URLs for images', () => {
    const dataUrl = 'data:image/png;base64,iVBORw0KGgo=';
    const result = buildDynamicPayload(specs, {
      product_image: dataUrl,
      logo: 'http://x.example/l.png',
    });
    expect(result.dynamicData).toEqual({ product_image: dataUrl, logo: 'http://x.example/l.png' });
    expect(result.warnings).toEqual([]);
  });

  it('reports unknown keys naming the key and the known keys, and still sends them', () => {
    const result = buildDynamicPayload(specs, { prodcut_name: 'Typo', empty_extra: '' });
    expect(result.dynamicData).toEqual({ prodcut_name: 'Typo' });
    expect(result.warnings).toHaveLength(2);
    expect(result.warnings[0]).toContain('"prodcut_name" matches no field');
    expect(result.warnings[0]).toContain('product_name');
    expect(result.warnings[0]).toContain('sent in dynamicData anyway');
    expect(result.warnings[1]).toContain('"empty_extra"');
    expect(result.warnings[1]).toContain('nothing was sent');
  });

  it('says so when the design has no fields at all', () => {
    expect(buildDynamicPayload([], { a: 1 }).warnings[0]).toContain(
      'this design has no dynamic fields',
    );
  });

  it('stores awkward keys as plain own properties', () => {
    const result = buildDynamicPayload([], JSON.parse('{"__proto__": "x"}'));
    expect(Object.getPrototypeOf(result.dynamicData)).toBe(Object.prototype);
    expect(Object.hasOwn(result.dynamicData, '__proto__')).toBe(true);
  });
});
