// The fast-check runs benchmark 4 reports as counts: the verifier for each signature form (against an
// oracle built straight from node:crypto), its fail-closed behaviour, and the render-input validation.
import { createHmac } from 'node:crypto';
import {
  CanveleteError,
  RENDER_LIMITS,
  type RenderInput,
  validateRenderInput,
  verifyWebhook,
  type WebhookSignatureScheme,
} from '@canvelete/core';
import fc from 'fast-check';

export interface PropertyOutcome {
  name: string;
  runs: number;
  failed: boolean;
  /** Short description of the first counterexample, when one was found. */
  counterexample?: string;
  ms: number;
}

function headersFor(scheme: WebhookSignatureScheme, body: string, secret: string, t: number) {
  const mac = (prefix: string) =>
    createHmac('sha256', secret).update(prefix).update(body, 'utf8').digest('hex');
  if (scheme === 'sha256') return { 'X-Canvelete-Signature': `sha256=${mac('')}` };
  if (scheme === 'hex') {
    return { 'X-Canvelete-Signature': mac(`${t}.`), 'X-Canvelete-Timestamp': String(t) };
  }
  return { 'X-Canvelete-Signature': `t=${t},v1=${mac(`${t}.`)}` };
}

function failsWith(run: () => unknown, code: string): boolean {
  try {
    run();
    return false;
  } catch (error) {
    return CanveleteError.isInstance(error) && error.code === code;
  }
}

const eventArb = fc.record({
  id: fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/),
  type: fc.constantFrom('render.completed', 'render.failed', 'design.created', 'batch.completed'),
  createdAt: fc
    .integer({ min: 1_600_000_000, max: 2_000_000_000 })
    .map((s) => new Date(s * 1000).toISOString()),
  data: fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 }),
});
const secretArb = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 64 });
const nowArb = fc.integer({ min: 1_600_000_000, max: 2_000_000_000 });

/** Sign with the oracle, verify: accepted with the same event; any change to the body: refused. */
function verifierProperty(scheme: WebhookSignatureScheme) {
  return fc.property(eventArb, secretArb, nowArb, fc.nat(), (event, secret, t, at) => {
    const body = JSON.stringify(event);
    const headers = headersFor(scheme, body, secret, t);
    const got = verifyWebhook({ payload: body, headers, secret, now: () => t * 1000 });
    if (got.id !== event.id || got.type !== event.type) return false;
    if (JSON.stringify(got.data) !== JSON.stringify(JSON.parse(body).data)) return false;
    const i = at % body.length;
    const tampered = body.slice(0, i) + (body[i] === ' ' ? '!' : ' ') + body.slice(i + 1);
    const wrongSecret = `${secret}x`;
    return (
      failsWith(
        () => verifyWebhook({ payload: tampered, headers, secret, now: () => t * 1000 }),
        'WEBHOOK_VERIFICATION_FAILED',
      ) &&
      failsWith(
        () => verifyWebhook({ payload: body, headers, secret: wrongSecret, now: () => t * 1000 }),
        'WEBHOOK_VERIFICATION_FAILED',
      )
    );
  });
}

/** Arbitrary headers and bodies never verify and never escape as anything but the closed error. */
const failClosedProperty = fc.property(
  fc.dictionary(
    fc.constantFrom(
      'X-Canvelete-Signature',
      'x-canvelete-timestamp',
      'X-Other',
      'x-canvelete-signature',
    ),
    fc.oneof(
      fc.string(),
      fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 }),
      fc.constant('t=1,v1='),
    ),
  ),
  fc.oneof(fc.string(), fc.uint8Array({ maxLength: 64 })),
  secretArb,
  (headers, payload, secret) =>
    failsWith(() => verifyWebhook({ payload, headers, secret }), 'WEBHOOK_VERIFICATION_FAILED'),
);

const anyValue = fc.oneof(
  fc.string(),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.anything(),
);
const arbitraryInput = fc.record(
  {
    designId: anyValue,
    templateId: anyValue,
    format: fc.oneof(
      fc.constantFrom('png', 'jpg', 'jpeg', 'webp', 'pdf', 'svg', 'gif', ''),
      anyValue,
    ),
    quality: anyValue,
    width: fc.oneof(fc.integer({ min: -5, max: 20_000 }), anyValue),
    height: fc.oneof(fc.integer({ min: -5, max: 20_000 }), anyValue),
    scale: fc.oneof(fc.double({ min: 0, max: 6, noNaN: true }), anyValue),
    dynamicData: anyValue,
    reference: fc.oneof(fc.string({ maxLength: 300 }), anyValue),
    callbackUrl: fc.oneof(fc.webUrl(), fc.string(), anyValue),
  },
  { requiredKeys: [] },
);

/** Validation either returns or throws VALIDATION_ERROR naming a field: nothing else escapes. */
const validationClosedProperty = fc.property(arbitraryInput, (input) => {
  try {
    validateRenderInput(input as RenderInput);
    return true;
  } catch (error) {
    return (
      CanveleteError.isInstance(error) &&
      error.code === 'VALIDATION_ERROR' &&
      typeof error.details?.field === 'string' &&
      error.details.field !== ''
    );
  }
});

const L = RENDER_LIMITS;
const validInput = fc
  .record({
    designId: fc.stringMatching(/^[a-z0-9]{8,25}$/),
    format: fc.constantFrom('png', 'jpg', 'jpeg', 'webp', 'pdf', 'svg'),
    quality: fc.integer({ min: L.minQuality, max: L.maxQuality }),
    width: fc.integer({ min: L.minSide, max: 3_000 }),
    height: fc.integer({ min: L.minSide, max: 3_000 }),
    scale: fc.double({ min: L.minScale, max: 3, noNaN: true }),
    reference: fc.string({ maxLength: L.maxReferenceLength }),
  })
  // Keep inside the scaled limits (16,384 px a side, 100 megapixels) so every case is valid.
  .filter(
    (i) =>
      i.width * i.scale <= 10_000 &&
      i.height * i.scale <= 10_000 &&
      i.width * i.height * i.scale ** 2 <= 50e6,
  );

/** Every input inside the limits passes, with `jpeg` normalised to `jpg`. */
const validationAcceptsProperty = fc.property(validInput, (input) => {
  const out = validateRenderInput(input as RenderInput);
  return out.format === (input.format === 'jpeg' ? 'jpg' : input.format);
});

/** One field just outside its range is refused, and the error names that field. */
const validationRefusesProperty = fc.property(
  validInput,
  fc.constantFrom(
    ['width', L.maxSide + 1],
    ['width', 0],
    ['height', L.maxSide + 1],
    ['quality', L.maxQuality + 1],
    ['quality', 0],
    ['scale', L.maxScale + 0.5],
    ['scale', 0.05],
  ),
  (input, [field, value]) => {
    try {
      validateRenderInput({ ...input, [field]: value } as RenderInput);
      return false;
    } catch (error) {
      return CanveleteError.isInstance(error) && String(error.details?.field).endsWith(field);
    }
  },
);

type Check = (options: { numRuns: number; seed: number }) => fc.RunDetails<unknown>;

/** Wraps a property so properties of different argument types fit one list. */
function checker<T>(property: fc.IProperty<T>): Check {
  return (options) => fc.check(property, options) as fc.RunDetails<unknown>;
}

export function runProperties(numRuns: number, seed: number): PropertyOutcome[] {
  const properties: [string, Check][] = [
    ['verifyWebhook, t=…,v1=… form', checker(verifierProperty('v1'))],
    ['verifyWebhook, sha256=… form', checker(verifierProperty('sha256'))],
    ['verifyWebhook, bare hex + timestamp', checker(verifierProperty('hex'))],
    ['verifyWebhook fails closed on arbitrary input', checker(failClosedProperty)],
    ['validateRenderInput: only VALIDATION_ERROR escapes', checker(validationClosedProperty)],
    ['validateRenderInput accepts in-range input', checker(validationAcceptsProperty)],
    ['validateRenderInput refuses one field out of range', checker(validationRefusesProperty)],
  ];
  return properties.map(([name, check]) => {
    const start = performance.now();
    const details = check({ numRuns, seed });
    return {
      name,
      runs: details.numRuns,
      failed: details.failed,
      ...(details.failed
        ? { counterexample: String(JSON.stringify(details.counterexample)).slice(0, 300) }
        : {}),
      ms: performance.now() - start,
    };
  });
}
