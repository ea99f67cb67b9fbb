import { describe, expect, it } from 'vitest';
import { applyDynamicContent, fillPlaceholders } from './dynamic-content.js';
import { type CanvasData, InvalidElementError } from './types.js';

const canvas = (elements: CanvasData['elements']): CanvasData => ({ background: '#fff', elements });

describe('placeholders', () => {
  it('replaces {{key}} with whitespace inside the braces, in every placeholder property', () => {
    const input = canvas([
      { id: 't', type: 'text', text: 'Hi {{ name }}, {{name}}!' },
      { id: 'i', type: 'image', src: '{{photo}}' },
      { id: 'q', type: 'qr', qrValue: 'https://x.test/{{ id }}' },
      { id: 'b', type: 'barcode', barcodeValue: '{{id}}' },
      { id: 'tb', type: 'table', tableCsvUrl: '{{csv}}' },
    ]);
    const out = applyDynamicContent(input, {
      name: 'Ada',
      photo: 'data:x',
      id: 42,
      csv: 'https://x.test/a.csv',
    });
    expect(
      out.elements!.map((e) => e.text ?? e.src ?? e.qrValue ?? e.barcodeValue ?? e.tableCsvUrl),
    ).toEqual(['Hi Ada, Ada!', 'data:x', 'https://x.test/42', '42', 'https://x.test/a.csv']);
  });

  it('looks dotted keys up as flat keys first, then as nested paths', () => {
    expect(fillPlaceholders('{{user.first}}', { user: { first: 'Nested' } })).toBe('Nested');
    expect(
      fillPlaceholders('{{user.first}}', { 'user.first': 'Flat', user: { first: 'Nested' } }),
    ).toBe('Flat');
    expect(fillPlaceholders('{{items.1}}', { items: ['a', 'b'] })).toBe('b');
  });

  it('renders unfilled placeholders as empty strings and converts values to strings', () => {
    expect(fillPlaceholders('[{{missing}}]', {})).toBe('[]');
    expect(fillPlaceholders('{{n}} {{b}} {{z}}', { n: 0, b: false, z: null })).toBe('0 false ');
  });

  it('never mutates its input and ignores unknown dynamicData keys', () => {
    const input = canvas([{ id: 't', type: 'text', text: '{{a}}' }]);
    const snapshot = structuredClone(input);
    const out = applyDynamicContent(input, { a: 'x', unknown: 'y' });
    expect(input).toEqual(snapshot);
    expect(out.elements![0]!.text).toBe('x');
    expect(out.background).toBe('#fff');
  });

  it('tolerates older property names (content, qrcode + qrData, barcodeData)', () => {
    const out = applyDynamicContent(
      canvas([
        { id: 't', type: 'text', content: 'Dear {{name}}' },
        { id: 'q', type: 'qrcode', qrData: '{{url}}' },
        { id: 'b', type: 'barcode', barcodeData: '{{sku}}' },
      ]),
      { name: 'Bob', url: 'https://u.test', sku: 'S1' },
    );
    expect(out.elements!.map((e) => e.content ?? e.qrData ?? e.barcodeData)).toEqual([
      'Dear Bob',
      'https://u.test',
      'S1',
    ]);
  });
});

describe('isDynamic elements named after a key', () => {
  it('replace their primary property when it holds no placeholder', () => {
    const out = applyDynamicContent(
      canvas([
        { id: 't', type: 'text', name: 'headline', isDynamic: true, text: 'Default headline' },
        { id: 'i', type: 'image', name: 'photo', isDynamic: true, src: '/assets/avatar.png' },
        { id: 'q', type: 'qr', name: 'link', isDynamic: true, qrValue: 'https://old.test' },
        { id: 'n', type: 'text', name: 'static', text: 'Not dynamic' },
      ]),
      {
        headline: 'New headline',
        photo: 'https://img.test/p.png',
        link: 'https://new.test',
        static: 'ignored',
      },
    );
    expect(out.elements!.map((e) => e.text ?? e.src ?? e.qrValue)).toEqual([
      'New headline',
      'https://img.test/p.png',
      'https://new.test',
      'Not dynamic',
    ]);
  });

  it('keep a placeholder-bearing property to the placeholder rule, and keep their value when the key is absent', () => {
    const out = applyDynamicContent(
      canvas([
        { id: 'a', type: 'text', name: 'date', isDynamic: true, text: 'On {{date}}' },
        { id: 'b', type: 'text', name: 'other', isDynamic: true, text: 'Kept' },
      ]),
      { date: 'Monday' },
    );
    expect(out.elements!.map((e) => e.text)).toEqual(['On Monday', 'Kept']);
  });
});

describe('dynamicElements', () => {
  const base = canvas([
    { id: 'el-1', type: 'text', name: 'title', text: 'Old', fill: '#000000' },
    { id: 'el-2', type: 'image', name: 'photo', src: 'a.png', objectFit: 'cover' },
    { id: 'el-3', type: 'rectangle', name: 'accent', fill: '#ff0000' },
    { id: 'title', type: 'rectangle', name: 'box', fill: '#00ff00' },
  ]);

  it('matches by id before name and shallow-merges the override', () => {
    const out = applyDynamicContent(
      base,
      {},
      { title: { fill: '#0000ff' }, accent: { fill: '#123456', stroke: '#000' } },
    );
    expect(out.elements![3]!.fill).toBe('#0000ff'); // id "title" wins over the element named "title"
    expect(out.elements![0]!.fill).toBe('#000000');
    expect(out.elements![2]).toMatchObject({ fill: '#123456', stroke: '#000', name: 'accent' });
  });

  it('maps fit → objectFit and, on text, color → fill', () => {
    const out = applyDynamicContent(
      base,
      {},
      {
        'el-1': { color: '#abcdef', text: 'New', fontWeight: 'bold' },
        photo: { fit: 'contain', src: 'b.png' },
      },
    );
    expect(out.elements![0]).toMatchObject({
      fill: '#abcdef',
      color: '#abcdef',
      text: 'New',
      fontWeight: 'bold',
    });
    expect(out.elements![1]).toMatchObject({ objectFit: 'contain', src: 'b.png' });
  });

  it('fills placeholders in override values from dynamicData', () => {
    const out = applyDynamicContent(base, { who: 'Zed' }, { 'el-1': { text: 'Hi {{who}}' } });
    expect(out.elements![0]!.text).toBe('Hi Zed');
  });

  it('throws InvalidElementError naming a key that matches no element', () => {
    expect(() => applyDynamicContent(base, {}, { nope: { fill: '#fff' } })).toThrow(
      InvalidElementError,
    );
    try {
      applyDynamicContent(base, {}, { nope: { fill: '#fff' } });
    } catch (error) {
      expect((error as InvalidElementError).key).toBe('nope');
    }
  });

  it('ignores prototype-polluting keys', () => {
    const out = applyDynamicContent(
      base,
      {},
      { accent: JSON.parse('{"__proto__": {"polluted": true}, "fill": "#111111"}') },
    );
    expect(out.elements![2]!.fill).toBe('#111111');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(out.elements![2])).toBe(Object.prototype);
  });
});

describe('malformed canvases', () => {
  it('drops non-object elements and treats a missing element list as empty', () => {
    const out = applyDynamicContent(
      { elements: [null, 3, { id: 'a', type: 'text', text: '{{x}}' }] as never },
      { x: 'ok' },
    );
    expect(out.elements).toEqual([{ id: 'a', type: 'text', text: 'ok' }]);
    expect(applyDynamicContent({ elements: 'nope' as never }).elements).toEqual([]);
    expect(applyDynamicContent({}).elements).toEqual([]);
  });
});
