// Render errors in every dialect: the core refuses bad input before sending anything, and maps each
// server refusal (whatever its dialect's error shape and status) to the same code.
import type { CanveleteError, RenderInput } from '@canvelete/core';
import { describe, expect, it } from 'vitest';
import {
  caught,
  DIALECTS,
  FAST_POLL,
  READ_ONLY_KEY,
  REVOKED_KEY,
  SEED,
  useSandbox,
  warmUp,
} from './sandbox-fixture.js';

const design = { designId: SEED.staticBanner, format: 'png' as const, scale: 0.1 };

/** Inputs the core must refuse locally, with the field it must name. */
const REFUSED_LOCALLY: [string, RenderInput, string][] = [
  ['no id', { format: 'png' }, 'designId'],
  ['both ids', { designId: 'a', templateId: 'b' }, 'templateId'],
  ['unknown format', { ...design, format: 'gif' as 'png' }, 'format'],
  ['quality 0', { ...design, quality: 0 }, 'quality'],
  ['width 0', { ...design, width: 0 }, 'width'],
  ['height 10,001', { ...design, height: 10_001 }, 'height'],
  ['scale 6', { ...design, scale: 6 }, 'scale'],
  ['over 16,384 px after scaling', { ...design, width: 10_000, height: 100, scale: 2 }, 'scale'],
  ['reference over 256', { ...design, reference: 'r'.repeat(257) }, 'reference'],
  ['non-http callback', { ...design, callbackUrl: 'ftp://example.com/hook' }, 'callbackUrl'],
];

describe.each(DIALECTS)('render errors (%s dialect)', (dialect) => {
  const fixture = useSandbox(dialect);

  it('refuses invalid input before any request is sent', async () => {
    const before = fixture.stats();
    for (const [name, input, field] of REFUSED_LOCALLY) {
      for (const call of [
        () => fixture.client.renders.render(input),
        () => fixture.client.renders.create(input, FAST_POLL),
        () => fixture.client.renders.createAsync(input),
      ]) {
        const error = await caught(call());
        expect({ name, code: error.code, field: error.details.field }).toEqual({
          name,
          code: 'VALIDATION_ERROR',
          field,
        });
      }
    }
    const batchError = await caught(
      fixture.client.renders.batch({ items: [design, { ...design, scale: 0.01 }] }),
    );
    expect(batchError.details.field).toBe('items[1].scale');
    const after = fixture.stats();
    expect(after.requests).toBe(before.requests);
    expect(after.rendersPerformed).toBe(before.rendersPerformed);
  });

  it('maps an unknown dynamic element to INVALID_ELEMENT on the sync and async paths', async () => {
    const input = { ...design, dynamicElements: { no_such_layer: { fill: '#ff0000' } } };
    for (const call of [
      () => fixture.client.renders.render(input),
      () => fixture.client.renders.createAsync(input),
    ]) {
      const error = await caught(call());
      expect(error).toMatchObject({ code: 'INVALID_ELEMENT', status: 400, retryable: false });
      expect(error.details).toMatchObject({
        serverCode: 'INVALID_ELEMENT',
        field: 'dynamicElements.no_such_layer',
      });
      expect(error.message).toContain('no_such_layer');
    }
  });

  it('maps unknown designs and renders to NOT_FOUND', async () => {
    const unknownDesign = await caught(
      fixture.client.renders.create({ designId: 'cm4nosuchdesign0000000000' }, FAST_POLL),
    );
    expect(unknownDesign).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect(unknownDesign.details.field).toBe('designId');
    const unknownRender = await caught(fixture.client.renders.retrieve('job_doesnotexist'));
    expect(unknownRender).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });

  it('maps a revoked key to UNAUTHORIZED without echoing the key', async () => {
    const revoked = fixture.clientWith({ apiKey: REVOKED_KEY });
    const error = await caught(revoked.renders.render(design));
    expect(error).toMatchObject({ code: 'UNAUTHORIZED', status: 401, retryable: false });
    expect(error.details.serverCode).toBe('UNAUTHORIZED');
    expect(`${error.message} ${JSON.stringify(error.details)}`).not.toContain(REVOKED_KEY);
    const unknown = await caught(
      fixture.clientWith({ apiKey: 'cvt_unknownkey123456' }).usage.retrieve(),
    );
    expect(unknown.code).toBe('UNAUTHORIZED');
  });

  it('maps a key without the render scope to INSUFFICIENT_SCOPE (reads still work)', async () => {
    const readOnly = fixture.clientWith({ apiKey: READ_ONLY_KEY });
    await expect(readOnly.designs.retrieve(SEED.staticBanner)).resolves.toMatchObject({
      id: SEED.staticBanner,
    });
    const before = fixture.stats().rendersPerformed;
    const error = await caught(readOnly.renders.render(design));
    expect(error).toMatchObject({ code: 'INSUFFICIENT_SCOPE', status: 403 });
    expect(error.details.requiredScope).toBe('render:write');
    expect(fixture.stats().rendersPerformed).toBe(before);
  });

  it('maps the same idempotency key with a different body to CONFLICT, and replays the same body', async () => {
    const idempotencyKey = `conflict-${dialect}-${Date.now()}`;
    await fixture.sandbox.idle();
    const before = fixture.stats();
    const first = await fixture.client.renders.createAsync(design, { idempotencyKey });
    const replay = await fixture.client.renders.createAsync(design, { idempotencyKey });
    expect(replay.id).toBe(first.id);
    const error = await caught(
      fixture.client.renders.createAsync({ ...design, scale: 0.2 }, { idempotencyKey }),
    );
    expect(error).toMatchObject({ code: 'CONFLICT', status: 409, retryable: false });
    await fixture.sandbox.idle();
    const after = fixture.stats();
    expect(after.idempotentReplays - before.idempotentReplays).toBe(1);
    expect(after.rendersPerformed - before.rendersPerformed).toBe(1);
    expect(after.creditsCharged - before.creditsCharged).toBe(1);
  });
});

describe.each(DIALECTS)('credits (%s dialect)', (dialect) => {
  const fixture = useSandbox(dialect, { credits: 1 });

  it('maps an empty balance to INSUFFICIENT_CREDITS after the last credit is spent', async () => {
    await fixture.client.renders.render(design);
    const error = await caught(fixture.client.renders.render(design));
    expect(error).toMatchObject({ code: 'INSUFFICIENT_CREDITS', status: 402, retryable: false });
    expect(await fixture.client.usage.retrieve()).toMatchObject({
      creditsUsed: 1,
      creditsRemaining: 0,
      creditLimit: 1,
    });
    expect(fixture.stats()).toMatchObject({ rendersPerformed: 1, creditsCharged: 1 });
  });
});

describe.each(DIALECTS)('rate limit (%s dialect)', (dialect) => {
  // One token a second, two in the bucket: of four renders sent at once (they reach the limiter
  // spaced by this process's render time, a fraction of a second each), some meet a 429.
  const fixture = useSandbox(dialect, { rateLimit: 60, burst: 2 });

  it('retries a 429 after Retry-After, so every call still succeeds', async () => {
    await warmUp(fixture);
    const before = fixture.stats();
    const files = await Promise.all(
      [0, 1, 2, 3].map((index) =>
        fixture.client.renders.render({ ...design, reference: `rl-${dialect}-${index}` }),
      ),
    );
    expect(files.map((file) => file.format)).toEqual(['png', 'png', 'png', 'png']);
    const after = fixture.stats();
    expect(after.rateLimited - before.rateLimited).toBeGreaterThanOrEqual(1);
    expect(after.rendersPerformed - before.rendersPerformed).toBe(4);
    expect(fixture.client.rateLimit).toMatchObject({ limit: 60 });
  });

  it('surfaces RATE_LIMITED with retryAfterSeconds when retries are off', async () => {
    const impatient = fixture.clientWith({ maxRetries: 0 });
    const outcomes = await Promise.allSettled(
      [0, 1, 2, 3, 4].map(() => impatient.designs.list({ limit: 1 })),
    );
    const refused = outcomes.flatMap((outcome) =>
      outcome.status === 'rejected' ? [outcome.reason as CanveleteError] : [],
    );
    expect(refused.length).toBeGreaterThanOrEqual(1);
    for (const error of refused) {
      expect(error).toMatchObject({ code: 'RATE_LIMITED', status: 429, retryable: true });
      expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(error.details.serverCode).toBe('RATE_LIMITED');
    }
  });
});
