import { Canvelete } from '@canvelete/core';
import { type Sandbox, SEED_DESIGN_IDS as SEED } from '@canvelete/sandbox';
import {
  type ConnectorDriver,
  createPipedreamDriver,
  runScheduledRender,
} from '@canvelete/testing/drivers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rasterInfo } from '../../core/decode.ts';
import { failureOf } from '../failure-of.ts';
import { options, start } from './pipedream-setup.ts';

describe('Pipedream driver (callbacks on, sandbox with the subscription API)', () => {
  let sandbox: Sandbox;
  let driver: ConnectorDriver;
  beforeAll(async () => {
    sandbox = await start();
    driver = await createPipedreamDriver(options(sandbox));
  });
  afterAll(async () => {
    await driver?.close();
    await sandbox?.close();
  });

  it('shows the product card’s dynamic props, mapped back to keys and kinds', async () => {
    const fields = await driver.fields({ designId: SEED.productCard });
    const byKey = Object.fromEntries(fields.map((f) => [f.key, f]));
    expect(Object.keys(byKey).sort()).toEqual([
      'badge',
      'badge_text',
      'price',
      'product_image',
      'product_name',
    ]);
    expect(byKey.product_image).toMatchObject({ kind: 'image', required: false });
    expect(byKey.badge).toMatchObject({ kind: 'color' });
    expect(byKey.product_name).toMatchObject({ kind: 'text' });
    expect(await driver.fields({ designId: SEED.staticBanner })).toEqual([]);
  });

  it('shows a template’s typed variables (Source: Template) as props of their kinds', async () => {
    const fields = await driver.fields({ templateId: SEED.ticketTemplate });
    const byKey = Object.fromEntries(fields.map((f) => [f.key, f.kind]));
    expect(byKey).toEqual({
      attendee_name: 'text',
      attendee_photo: 'image',
      ticket_number: 'number',
      vip: 'boolean',
    });
  });

  it('renders a template with templateId in the output and its 1000×400 file', async () => {
    const result = await driver.render({
      templateId: SEED.ticketTemplate,
      format: 'png',
      data: { attendee_name: 'Ada', ticket_number: 42, vip: true },
    });
    expect(result.output).toMatchObject({ status: 'completed', templateId: SEED.ticketTemplate });
    expect((result.raw as { warnings: string[] }).warnings).toEqual([]);
    expect(await rasterInfo(result.file?.bytes ?? new Uint8Array())).toMatchObject({
      format: 'png',
      width: 1000,
      height: 400,
    });
  });

  it('renders a PNG, paused with $.flow.rerun and woken by the sandbox’s callback', async () => {
    const result = await driver.render({
      designId: SEED.ogImage,
      format: 'png',
      data: { title: 'Hello from the Pipedream driver', not_a_field: 'kept as extra data' },
    });
    expect(result.waited).toBe('callback');
    expect(result.output).toMatchObject({
      status: 'completed',
      format: 'png',
      designId: SEED.ogImage,
      width: 1200,
      height: 630,
    });
    expect(result.output.reference).toMatch(/^pipedream-e_/);
    expect(result.file?.contentType).toBe('image/png');
    const info = await rasterInfo(result.file?.bytes ?? new Uint8Array());
    expect(info).toMatchObject({ format: 'png', width: 1200, height: 630 });
    const raw = result.raw as { warnings: string[]; file: { path: string } };
    expect(raw.warnings.join(' ')).toContain('not_a_field');
    expect(driver.transcript()).toContain(`to ${raw.file.path}`);
    expect(driver.transcript()).not.toContain(sandbox.apiKey);
  });

  it('passes size options through the step’s props', async () => {
    const result = await driver.render({
      designId: SEED.productCard,
      format: 'jpg',
      quality: 70,
      width: 400,
      height: 500,
      reference: 'pd-driver-size',
      data: { product_name: 'Lamp', price: '$9' },
    });
    expect(result.output).toMatchObject({ format: 'jpg', reference: 'pd-driver-size' });
    expect(await rasterInfo(result.file?.bytes ?? new Uint8Array())).toMatchObject({
      format: 'jpeg',
      width: 400,
      height: 500,
    });
  });

  it('reports a failed render as the step error Pipedream shows', async () => {
    const view = await failureOf(
      driver.render({ designId: SEED.ogImage, reference: 'sandbox:fail-pd-driver' }),
    );
    expect(view).toMatchObject({ kind: 'Error', code: 'RENDER_FAILED' });
  });

  it('renders three through render-many, one result per request in order', async () => {
    const results = await driver.renderMany([
      { designId: SEED.productCard, format: 'png', data: { product_name: 'One' } },
      { designId: SEED.productCard, format: 'png', data: { product_name: 'Two' } },
      { designId: SEED.productCard, format: 'png', data: { product_name: 'Three' } },
    ]);
    expect(results).toHaveLength(3);
    expect(new Set(results.map((r) => r.output.id)).size).toBe(3);
    for (const result of results) {
      expect(result.output).toMatchObject({ status: 'completed', designId: SEED.productCard });
      expect(result.output.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
      expect(result.waited).toBe('poll');
      // Save Files: each item's own file, read back from STASH_DIR.
      expect(result.file?.contentType).toBe('image/png');
      expect(await rasterInfo(result.file?.bytes ?? new Uint8Array())).toMatchObject({
        format: 'png',
      });
    }
    expect(new Set(results.map((r) => r.file?.fileName)).size).toBe(3);
    const mixed = await driver.renderMany([
      { designId: SEED.productCard, reference: 'pd-many-a' },
      { designId: SEED.ogImage, format: 'jpg', reference: 'pd-many-b' },
    ]);
    expect(mixed.map((r) => r.output.reference)).toEqual(['pd-many-a', 'pd-many-b']);
    expect(mixed[1]?.output).toMatchObject({ designId: SEED.ogImage, format: 'jpg' });
    expect(await rasterInfo(mixed[1]?.file?.bytes ?? new Uint8Array())).toMatchObject({
      format: 'jpeg',
      width: 1200,
      height: 630,
    });
    const tickets = await driver.renderMany([
      { templateId: SEED.ticketTemplate, data: { attendee_name: 'One', vip: true } },
      { templateId: SEED.ticketTemplate, data: { attendee_name: 'Two', ticket_number: 2 } },
    ]);
    for (const ticket of tickets) {
      expect(ticket.output.templateId).toBe(SEED.ticketTemplate);
      expect(await rasterInfo(ticket.file?.bytes ?? new Uint8Array())).toMatchObject({
        width: 1000,
        height: 400,
      });
    }
  });

  it('reports an item that failed inside a successful render-many step', async () => {
    const view = await failureOf(
      driver.renderMany([
        { designId: SEED.staticBanner, reference: 'pd-many-ok' },
        { designId: SEED.staticBanner, reference: 'sandbox:fail-pd-many' },
      ]),
    );
    expect(view).toMatchObject({ kind: 'ItemError', code: 'RENDER_FAILED' });
    expect(view.message).toMatch(/^Item 2: /);
  });

  it('renders concurrently and leaves the console as it found it', async () => {
    const before = console.log;
    const results = await Promise.all([
      driver.render({ designId: SEED.staticBanner }),
      driver.render({ designId: SEED.staticBanner, format: 'jpg' }),
    ]);
    expect(results.map((r) => r.output.status)).toEqual(['completed', 'completed']);
    expect(console.log).toBe(before);
  });

  it('subscribes, captures the real delivery, runs it once, drops the duplicate and refuses a forgery', async () => {
    const client = new Canvelete({ apiKey: sandbox.apiKey, baseUrl: sandbox.url });
    const trigger = await driver.instantTrigger({ reference: 'pd-trigger' });
    expect(trigger.mode).toBe('subscribed');
    expect(trigger.notice).toBeUndefined();
    const [subscription] = await client.webhooks.list();
    expect(subscription).toMatchObject({ url: trigger.url, events: ['render.completed'] });
    expect(trigger.signingSecret).toEqual(expect.any(String));

    const rendered = await driver.render({ designId: SEED.staticBanner, reference: 'pd-trigger' });
    const delivery = await trigger.nextDelivery(10_000);
    expect(delivery.body).toContain(rendered.output.id);
    const first = await trigger.deliver(delivery);
    expect(first).toMatchObject({ accepted: true, status: 200 });
    expect(first.events).toEqual([
      {
        eventId: expect.any(String),
        eventType: 'render.completed',
        renderId: rendered.output.id,
        status: 'completed',
        reference: 'pd-trigger',
      },
    ]);
    const again = await trigger.deliver(delivery);
    expect(again).toMatchObject({ accepted: true, events: [] });
    const forged = await trigger.deliver({
      ...delivery,
      body: delivery.body.replace('pd-trigger', 'pd-forged'),
    });
    expect(forged).toMatchObject({ accepted: false, status: 401, events: [] });
    expect(forged.refusal).toMatchObject({ kind: 'Refused', httpStatus: 401 });
    expect(forged.refusal?.message).toContain('NO_MATCHING_SIGNATURE');

    await trigger.close();
    expect(await client.webhooks.list()).toEqual([]);
    expect(driver.transcript()).toContain(`Render ${rendered.output.id} completed`);
    expect(driver.transcript()).not.toContain(trigger.signingSecret);
  });

  it('feeds a timer source’s events into the render step (runScheduledRender)', async () => {
    const ticks = [Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 2)];
    const { runs, transcript } = await runScheduledRender(options(sandbox), {
      source: { designId: SEED.ogImage },
      data: (tick) => ({ title: `Daily ${new Date(tick.timestamp * 1000).toISOString()}` }),
      ticks,
    });
    expect(runs.map((r) => r.tick.timestamp)).toEqual(ticks.map((t) => t / 1000));
    for (const run of runs) {
      expect(run.result.output.status).toBe('completed');
      expect(run.result.file?.bytes.byteLength).toBeGreaterThan(0);
    }
    expect(transcript).toContain('Daily 2026-01-02');
  });
});
