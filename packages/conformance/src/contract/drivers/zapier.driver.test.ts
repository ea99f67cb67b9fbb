// The Zapier driver against the sandbox: Canvelete's Zapier app in zapier-platform-core's Lambda
// handler, every driver method exercised over real loopback HTTP.
import { randomUUID } from 'node:crypto';
import { Canvelete, describeFields } from '@canvelete/core';
import { type Sandbox, SEED_DESIGN_IDS as SEED, startSandbox } from '@canvelete/sandbox';
import {
  type ConnectorDriver,
  createZapierDriver,
  type DriverField,
  type DriverRenderResult,
} from '@canvelete/testing/drivers';
import App from '@canvelete/zapier';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureOf } from '../failure-of.ts';

const PRODUCT_CARD = SEED.productCard;
const CERTIFICATE = SEED.certificate;
const TICKET_TEMPLATE = SEED.ticketTemplate;

let sandbox: Sandbox;
let driver: ConnectorDriver;
let client: Canvelete;

const credentialsOf = (server: Sandbox) => ({
  apiKey: server.apiKey,
  baseUrl: server.url,
  webhookSecret: server.webhookSecret,
});

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 3, webhookRetryScheduleMs: [100] });
  client = new Canvelete({ apiKey: sandbox.apiKey, baseUrl: sandbox.url });
  driver = await createZapierDriver({ app: App, credentials: credentialsOf(sandbox) });
});
afterAll(async () => {
  await driver?.close();
  await sandbox?.close();
});

async function pixelsOf(result: DriverRenderResult) {
  if (!result.file) throw new Error('no file attached');
  const { data, info } = await sharp(result.file.bytes).raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data };
}

const sorted = (fields: DriverField[]) => [...fields].sort((a, b) => a.key.localeCompare(b.key));

describe('fields()', () => {
  it('maps the product card’s Zapier fields back to Canvelete keys and kinds', async () => {
    const fields = await driver.fields({ designId: PRODUCT_CARD });
    const byKey = Object.fromEntries(fields.map((field) => [field.key, field]));
    expect(byKey['product_name']).toEqual({ key: 'product_name', kind: 'text', required: false });
    expect(byKey['product_image']?.kind).toBe('image');
    expect(byKey['badge']?.kind).toBe('color');
    expect(byKey['badge_text']?.kind).toBe('text');
    const record = await client.designs.retrieve(PRODUCT_CARD);
    const expected = describeFields(record).map(({ key, kind, required }) => ({
      key,
      kind,
      required,
    }));
    expect(sorted(fields)).toEqual(sorted(expected));
  });

  it('recovers QR codes and a template’s typed variables', async () => {
    const certificate = await driver.fields({ designId: CERTIFICATE });
    expect(certificate.find((field) => field.key === 'verify_url')?.kind).toBe('qr');
    const ticket = await driver.fields({ templateId: TICKET_TEMPLATE });
    const kinds = Object.fromEntries(ticket.map((field) => [field.key, field.kind]));
    expect(kinds).toMatchObject({
      attendee_name: 'text',
      attendee_photo: 'image',
      ticket_number: 'number',
      vip: 'boolean',
    });
    const record = await client.templates.retrieve(TICKET_TEMPLATE);
    expect(sorted(ticket)).toEqual(
      sorted(describeFields(record).map(({ key, kind, required }) => ({ key, kind, required }))),
    );
  });
});

describe('render()', () => {
  it('renders through the callback and attaches the stashed PNG', async () => {
    const reference = `zap-driver-${randomUUID()}`;
    const result = await driver.render({
      designId: PRODUCT_CARD,
      format: 'png',
      data: { product_name: 'Driver mug', price: '€3.00' },
      reference,
    });
    expect(result.waited).toBe('callback');
    expect(result.output).toMatchObject({
      status: 'completed',
      format: 'png',
      designId: PRODUCT_CARD,
      reference,
      width: 800,
      height: 1000,
    });
    expect(result.output.id).toMatch(/\S/);
    expect(result.output.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
    expect((result.raw as Record<string, unknown>)['id']).toBe(result.output.id);
    expect(result.file?.contentType).toBe('image/png');
    expect(result.file?.fileName).toMatch(/\.png$/);
    const { width, height } = await pixelsOf(result);
    expect([width, height]).toEqual([800, 1000]);

    // What Zapier logged (z.request's log lines) and the step's output, without the key or secret.
    const transcript = driver.transcript();
    expect(transcript).toMatch(/\[log\] 20\d POST http:\/\/127\.0\.0\.1:\d+\/api\/v1\/render/);
    expect(transcript).toContain(`[output ${'creates.render_design.operation.performResume'}]`);
    expect(transcript).toContain(result.output.id);
    expect(transcript).not.toContain(sandbox.apiKey);
    expect(transcript).not.toContain(sandbox.webhookSecret);
  });

  it('puts the dynamic values into the file', async () => {
    const svg = (name: string) =>
      driver.render({ designId: PRODUCT_CARD, format: 'svg', data: { product_name: name } });
    const name = `Bottle ${randomUUID().slice(0, 8)}`;
    const result = await svg(name);
    expect(Buffer.from(result.file?.bytes ?? []).toString('utf8')).toContain(name);
  });

  it('fails with Zapier’s error for a failed render', async () => {
    const view = await failureOf(
      driver.render({ designId: PRODUCT_CARD, reference: `sandbox:fail-${randomUUID()}` }),
    );
    expect(view.kind).toBe('AppError');
    expect(view.code).toBe('RENDER_FAILED');
    expect((view.raw as { code?: string }).code).toBe('RenderFailed');
  });
});

describe('renderMany()', () => {
  it('renders three rows in one batch, one result per request, in order', async () => {
    const names = ['Alpha jar', 'Bravo bowl', 'Charlie cup'];
    const results = await driver.renderMany(
      names.map((product_name, index) => ({
        designId: PRODUCT_CARD,
        format: 'png',
        scale: 0.25,
        data: { product_name },
        reference: `many-${index}`,
      })),
    );
    expect(results.map((r) => [r.output.reference, r.output.status, r.waited])).toEqual([
      ['many-0', 'completed', 'callback'],
      ['many-1', 'completed', 'callback'],
      ['many-2', 'completed', 'callback'],
    ]);
    for (const result of results) expect(result.output.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
    const decoded = await Promise.all(results.map(pixelsOf));
    for (const image of decoded) expect([image.width, image.height]).toEqual([200, 250]);
    const distinct = new Set(decoded.map((image) => image.data.toString('base64')));
    expect(distinct.size).toBe(3);
  });

  it('splits requests with different options into consecutive steps and keeps failed rows', async () => {
    const results = await driver.renderMany([
      { designId: PRODUCT_CARD, format: 'png', scale: 0.2, reference: 'mixed-0' },
      { designId: PRODUCT_CARD, format: 'png', scale: 0.2, reference: 'sandbox:fail-mixed-1' },
      { designId: PRODUCT_CARD, format: 'svg', reference: 'mixed-2' },
    ]);
    expect(results.map((r) => [r.output.reference, r.output.status, r.output.format])).toEqual([
      ['mixed-0', 'completed', 'png'],
      ['sandbox:fail-mixed-1', 'failed', 'png'],
      ['mixed-2', 'completed', 'svg'],
    ]);
    expect(results[1]?.file).toBeUndefined();
    expect(results[2]?.file?.contentType).toBe('image/svg+xml');
  });
});

describe('instantTrigger()', () => {
  it('subscribes, receives the real delivery, drops a duplicate, refuses a forgery, unsubscribes', async () => {
    const reference = `zap-hook-${randomUUID()}`;
    const trigger = await driver.instantTrigger({ reference });
    expect(trigger.mode).toBe('subscribed');
    expect(trigger.signingSecret).toMatch(/^whsec_/);
    expect((await client.webhooks.list()).map((s) => s.url)).toContain(trigger.url);

    const render = await client.renders.create(
      { designId: PRODUCT_CARD, format: 'png', scale: 0.1, reference },
      { pollIntervalMs: 50 },
    );
    const delivery = await trigger.nextDelivery(20_000);
    expect(delivery.headers['x-canvelete-signature']).toMatch(/v1=/);

    const first = await trigger.deliver(delivery);
    expect(first).toMatchObject({ accepted: true, status: 200 });
    expect(first.events).toEqual([
      {
        eventId: JSON.parse(delivery.body).id,
        eventType: 'render.completed',
        renderId: render.id,
        status: 'completed',
        reference,
      },
    ]);
    expect(await trigger.deliver(delivery)).toMatchObject({ accepted: true, events: [] });

    const forged = { ...delivery, body: delivery.body.replace(reference, `${reference}-x`) };
    const refused = await trigger.deliver(forged);
    expect(refused).toMatchObject({ accepted: false, events: [] });
    expect(refused.refusal).toMatchObject({
      kind: 'HaltedError',
      code: 'WEBHOOK_VERIFICATION_FAILED',
    });

    await trigger.close();
    expect((await client.webhooks.list()).map((s) => s.url)).not.toContain(trigger.url);

    // The dedupe memory went through z.cache; the subscription's secret was shown nowhere.
    const transcript = driver.transcript();
    expect(transcript).toContain(`${JSON.parse(delivery.body).id}`);
    expect(transcript).toMatch(/\[stored z\.cache canvelete:events:\S+\] /);
    expect(transcript).toContain('HaltedError');
    expect(transcript).not.toContain(trigger.signingSecret);
  });
});

describe('platform fallbacks and errors', () => {
  it('refuses the instant trigger with the app’s own message when Canvelete has no subscription API', async () => {
    const legacy = await startSandbox({ port: 0, webhookApi: false });
    const legacyDriver = await createZapierDriver({ app: App, credentials: credentialsOf(legacy) });
    try {
      const view = await failureOf(legacyDriver.instantTrigger());
      expect(view.kind).toBe('AppError');
      expect((view.raw as { code?: string }).code).toBe('NotSupported');
      expect(view.message).toContain('New Render (Polling)');
    } finally {
      await legacyDriver.close();
      await legacy.close();
    }
  });

  it('without callbacks renders by polling and has no instant trigger', async () => {
    const polling = await createZapierDriver({
      app: App,
      credentials: credentialsOf(sandbox),
      callbacks: false,
    });
    try {
      const result = await polling.render({ designId: PRODUCT_CARD, format: 'png', scale: 0.5 });
      expect(result.waited).toBe('poll');
      expect(result.output.status).toBe('completed');
      const { width, height } = await pixelsOf(result);
      expect([width, height]).toEqual([400, 500]);
      const [row] = await polling.renderMany([
        { designId: PRODUCT_CARD, format: 'png', scale: 0.25, reference: 'polled-row' },
      ]);
      expect(row).toMatchObject({ waited: 'poll', output: { reference: 'polled-row' } });
      expect((await pixelsOf(row as DriverRenderResult)).width).toBe(200);
      const view = await failureOf(polling.instantTrigger());
      expect(view.kind).toBe('Unavailable');
      expect(view.message).toContain('New Render (Polling)');
    } finally {
      await polling.close();
    }
  });

  it('reports a wrong API key as ExpiredAuthError, without the key', async () => {
    const wrongKey = `cvt_wrong_${randomUUID().replace(/-/g, '')}`;
    const wrong = await createZapierDriver({
      app: App,
      credentials: { ...credentialsOf(sandbox), apiKey: wrongKey },
    });
    try {
      const view = await failureOf(wrong.render({ designId: PRODUCT_CARD }));
      expect(view.kind).toBe('ExpiredAuthError');
      expect(view.code).toBe('UNAUTHORIZED');
      expect(view.message).not.toContain(wrongKey);
      expect(wrong.transcript()).not.toContain(wrongKey);
    } finally {
      await wrong.close();
    }
  });
});
