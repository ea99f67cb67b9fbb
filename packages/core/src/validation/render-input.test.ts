import { describe, expect, it } from 'vitest';
import { CanveleteError } from '../errors/index.js';
import { type RenderInput, renderRequestBody, validateRenderInput } from './render-input.js';

function fieldOf(input: RenderInput): string | undefined {
  try {
    validateRenderInput(input);
  } catch (error) {
    if (!CanveleteError.isInstance(error)) throw error;
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.message).toContain(String(error.details.field));
    return error.details.field;
  }
  return undefined;
}

const base = { designId: 'd_1' };

describe('validateRenderInput', () => {
  it('needs exactly one of designId / templateId', () => {
    expect(fieldOf({})).toBe('designId');
    expect(fieldOf({ designId: '  ' })).toBe('designId');
    expect(fieldOf({ designId: 'd', templateId: 't' })).toBe('templateId');
    expect(fieldOf({ templateId: 't' })).toBeUndefined();
  });

  it('accepts the five formats and jpeg (sent as jpg), refuses others', () => {
    for (const format of ['png', 'jpg', 'webp', 'pdf', 'svg'] as const)
      expect(fieldOf({ ...base, format })).toBeUndefined();
    expect(validateRenderInput({ ...base, format: 'jpeg' }).format).toBe('jpg');
    expect(fieldOf({ ...base, format: 'gif' as never })).toBe('format');
  });

  it.each([
    ['quality', 1, 100, 0, 101],
    ['width', 1, 10_000, 0, 10_001],
    ['height', 1, 10_000, 0, 10_001],
  ] as const)('bounds %s to [%i, %i]', (field, low, high, below, above) => {
    expect(fieldOf({ ...base, [field]: low })).toBeUndefined();
    expect(fieldOf({ ...base, [field]: high })).toBeUndefined();
    expect(fieldOf({ ...base, [field]: below })).toBe(field);
    expect(fieldOf({ ...base, [field]: above })).toBe(field);
    expect(fieldOf({ ...base, [field]: low + 0.5 })).toBe(field);
  });

  it('bounds scale to [0.1, 5]', () => {
    expect(fieldOf({ ...base, scale: 0.1 })).toBeUndefined();
    expect(fieldOf({ ...base, scale: 5 })).toBeUndefined();
    expect(fieldOf({ ...base, scale: 0.09 })).toBe('scale');
    expect(fieldOf({ ...base, scale: 5.01 })).toBe('scale');
    expect(fieldOf({ ...base, scale: Number.NaN })).toBe('scale');
  });

  it('caps a scaled side at 16,384 px', () => {
    expect(fieldOf({ ...base, width: 4_096, scale: 4 })).toBeUndefined();
    expect(fieldOf({ ...base, width: 4_097, scale: 4 })).toBe('scale');
    expect(fieldOf({ ...base, height: 8_193, scale: 2 })).toBe('scale');
  });

  it('caps the scaled area at 100 megapixels when both sides are known', () => {
    expect(fieldOf({ ...base, width: 10_000, height: 10_000 })).toBeUndefined();
    expect(fieldOf({ ...base, width: 5_000, height: 5_000, scale: 2 })).toBeUndefined();
    expect(fieldOf({ ...base, width: 5_000, height: 5_001, scale: 2 })).toBe('scale');
    expect(fieldOf({ ...base, width: 10_000, scale: 1.5 })).toBeUndefined();
  });

  it('bounds reference to 256 characters', () => {
    expect(fieldOf({ ...base, reference: 'x'.repeat(256) })).toBeUndefined();
    expect(fieldOf({ ...base, reference: 'x'.repeat(257) })).toBe('reference');
  });

  it('needs an http(s) callbackUrl and object-shaped dynamic data', () => {
    expect(fieldOf({ ...base, callbackUrl: 'https://hooks.example/x' })).toBeUndefined();
    expect(fieldOf({ ...base, callbackUrl: 'ftp://x' })).toBe('callbackUrl');
    expect(fieldOf({ ...base, callbackUrl: 'not a url' })).toBe('callbackUrl');
    expect(fieldOf({ ...base, dynamicData: [] as never })).toBe('dynamicData');
    expect(fieldOf({ ...base, dynamicElements: { logo: 'red' as never } })).toBe(
      'dynamicElements.logo',
    );
  });

  it('prefixes the field for batch items', () => {
    expect(() => validateRenderInput({ designId: 'd', quality: 0 }, 'items[3].')).toThrow(
      /items\[3\]\.quality/,
    );
  });
});

describe('renderRequestBody', () => {
  it('sends callbackUrl as webhook and leaves out what was not given', () => {
    expect(
      renderRequestBody({
        designId: 'd',
        format: 'jpeg',
        callbackUrl: 'https://h',
        dynamicData: { a: 0 },
      }),
    ).toEqual({
      designId: 'd',
      format: 'jpg',
      webhook: 'https://h',
      dynamicData: { a: 0 },
    });
  });
});
