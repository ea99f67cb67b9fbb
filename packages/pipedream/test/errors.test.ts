import { CANVELETE_ERROR_CODES, CanveleteError } from '@canvelete/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPipedreamError } from '../components/canvelete/common/errors.mjs';
import { componentPath, OG_IMAGE_ID, startWorld, type World } from './support.ts';

/** ConfigurationError only for what the user fixes in the step or the connected account. */
const EXPECTED: Record<string, 'ConfigurationError' | 'Error'> = {
  UNAUTHORIZED: 'ConfigurationError',
  FORBIDDEN: 'ConfigurationError',
  INSUFFICIENT_SCOPE: 'ConfigurationError',
  NOT_FOUND: 'ConfigurationError',
  VALIDATION_ERROR: 'ConfigurationError',
  INVALID_ELEMENT: 'ConfigurationError',
  PAYLOAD_TOO_LARGE: 'ConfigurationError',
  INSUFFICIENT_CREDITS: 'Error',
  CONFLICT: 'Error',
  RATE_LIMITED: 'Error',
  SERVER_ERROR: 'Error',
  SERVICE_UNAVAILABLE: 'Error',
  TIMEOUT: 'Error',
  NETWORK_ERROR: 'Error',
  RENDER_FAILED: 'Error',
  INVALID_RESPONSE: 'Error',
  WEBHOOK_VERIFICATION_FAILED: 'Error',
  NOT_SUPPORTED: 'Error',
};

describe('common/errors: every core code', () => {
  it('covers the closed set of codes', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...CANVELETE_ERROR_CODES].sort());
  });

  it.each(CANVELETE_ERROR_CODES)('%s keeps its code and request id', (code) => {
    const mapped = toPipedreamError(
      new CanveleteError({
        code,
        message: 'Something to do.',
        status: 418,
        requestId: 'req_42',
        details: { field: 'quality' },
      }),
      { labels: { quality: 'Quality' } },
    ) as Error & { code: string; requestId: string };
    expect(mapped.name).toBe(EXPECTED[code]);
    expect(mapped.code).toBe(code);
    expect(mapped.requestId).toBe('req_42');
    expect(mapped.message).toContain(`[${code}, HTTP 418, request id req_42]`);
    if (
      mapped.name === 'ConfigurationError' &&
      !['UNAUTHORIZED', 'FORBIDDEN', 'INSUFFICIENT_SCOPE'].includes(code)
    ) {
      expect(mapped.message.startsWith('Quality: ')).toBe(true);
    }
  });

  it('leaves errors that are not Canvelete errors alone', () => {
    const error = new TypeError('x');
    expect(toPipedreamError(error)).toBe(error);
  });
});

describe('errors through the components, against the sandbox', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ credits: 1, keys: [{ key: 'cvt_revoked', revoked: true }] });
  });
  afterAll(() => world.close());
  const renderDesign = componentPath('actions/render-design/render-design.mjs');

  it('names the prop for invalid input, before any request', async () => {
    const step = await world.pd.action(renderDesign, {
      auth: world.auth,
      props: { designId: OG_IMAGE_ID, quality: 101 },
    });
    const result = await step.run({ test: true });
    expect((result.error as Error).name).toBe('ConfigurationError');
    expect((result.error as Error).message).toMatch(/^Quality: /);
  });

  it('a revoked key is a ConfigurationError about the account, without the key', async () => {
    const step = await world.pd.action(componentPath('actions/get-usage/get-usage.mjs'), {
      auth: { canvelete: { ...world.auth.canvelete, api_key: 'cvt_revoked' } },
    });
    const result = await step.run();
    const error = result.error as Error & { code: string };
    expect(error.name).toBe('ConfigurationError');
    expect(error.code).toBe('UNAUTHORIZED');
    expect(error.message).toMatch(/^Canvelete account: /);
    expect(error.message).not.toContain('cvt_revoked');
  });

  it('an unknown design is a ConfigurationError naming the Design prop', async () => {
    // The form calls additionalProps as soon as the design is set: that is where it shows.
    await expect(
      world.pd.action(renderDesign, { auth: world.auth, props: { designId: 'does-not-exist' } }),
    ).rejects.toMatchObject({
      name: 'ConfigurationError',
      code: 'NOT_FOUND',
      message: expect.stringMatching(/^Design: /),
    });
  });

  it('running out of credits is a plain error with code and request id', async () => {
    const step = await world.pd.action(renderDesign, {
      auth: world.auth,
      props: { designId: OG_IMAGE_ID },
    });
    let result = await step.run({ test: true });
    if (result.status === 'success') result = await step.run({ test: true });
    const error = result.error as Error & { code: string; requestId?: string };
    expect(error.name).toBe('Error');
    expect(error.code).toBe('INSUFFICIENT_CREDITS');
    expect(error.message).toContain('INSUFFICIENT_CREDITS');
  });
});
