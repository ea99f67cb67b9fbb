// The n8n driver against the sandbox: the real node package in n8n-core's engine, every method.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Canvelete, describeFields, signWebhook } from '@canvelete/core';
import {
  type Sandbox,
  type SandboxOptions,
  SEED_DESIGN_IDS as SEED,
  startSandbox,
} from '@canvelete/sandbox';
import {
  type ConnectorDriver,
  createN8nDriver,
  type DriverOptions,
} from '@canvelete/testing/drivers';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rasterInfo } from '../../core/decode.ts';
import { failureOf } from '../failure-of.ts';

const require = createRequire(import.meta.url);
const PACKAGE_DIR = dirname(require.resolve('n8n-nodes-canvelete/package.json'));

async function start(options: SandboxOptions = {}) {
  return startSandbox({ port: 0, seed: 5, webhookRetryScheduleMs: [100], ...options });
}

function connect(sandbox: Sandbox, extra: Partial<DriverOptions> = {}, secret = true) {
  return createN8nDriver({
    packageDir: PACKAGE_DIR,
    credentials: {
      apiKey: sandbox.apiKey,
      baseUrl: sandbox.url,
      ...(secret ? { webhookSecret: sandbox.webhookSecret } : {}),
    },
    ...extra,
  });
}

const svgText = (bytes: Uint8Array | undefined) => Buffer.from(bytes ?? []).toString('utf8');

function signed(event: Record<string, unknown>, secret: string) {
  const body = JSON.stringify(event);
  return {
    body,
    headers: { 'content-type': 'application/json', ...signWebhook({ payload: body, secret }) },
  };
}

describe('n8n driver (callbacks on, sandbox with the subscription API)', () => {
  let sandbox: Sandbox;
  let driver: ConnectorDriver;

  beforeAll(async () => {
    sandbox = await start();
    driver = await connect(sandbox);
  }, 60_000);

  afterAll(async () => {
    await driver?.close();
    await sandbox?.close();
  });

  it('shows the product card fields with the kinds and required flags of the core', async () => {
    const fields = await driver.fields({ designId: SEED.productCard });
    const client = new Canvelete({ apiKey: sandbox.apiKey, baseUrl: sandbox.url });
    const specs = describeFields(await client.designs.retrieve(SEED.productCard));
    expect(fields).toEqual(
      specs.map((spec) => ({ key: spec.key, kind: spec.kind, required: spec.required })),
    );
    const kinds = Object.fromEntries(fields.map((field) => [field.key, field.kind]));
    expect(kinds).toMatchObject({ product_name: 'text', product_image: 'image', badge: 'color' });
  });

  it('renders a PNG, pausing until the sandbox calls back, with the file attached', async () => {
    const result = await driver.render({
      designId: SEED.productCard,
      format: 'png',
      data: { product_name: 'Aurora Lamp', price: '$49' },
      reference: 'driver-png',
    });
    expect(result.waited).toBe('callback');
    expect(result.output).toMatchObject({
      status: 'completed',
      format: 'png',
      designId: SEED.productCard,
      reference: 'driver-png',
    });
    expect(result.output.id).toMatch(/\S/);
    expect(typeof result.output.url).toBe('string');
    expect(result.file?.contentType).toBe('image/png');
    expect(result.file?.fileName).toBe(`canvelete-${result.output.id}.png`);
    expect(await rasterInfo(result.file!.bytes)).toMatchObject({
      format: 'png',
      width: 800,
      height: 1000,
    });
  });

  it('renders many with Render Many, one binary item per request in order, designs and templates mixed', async () => {
    const results = await driver.renderMany([
      { designId: SEED.productCard, format: 'svg', data: { product_name: 'Alpha' } },
      { templateId: SEED.ticketTemplate, format: 'svg', data: { attendee_name: 'Grace' } },
      {
        designId: SEED.productCard,
        format: 'svg',
        data: { product_name: 'Charlie' },
        reference: 'r-3',
      },
    ]);
    expect(results).toHaveLength(3);
    expect(results.map((result) => result.output.designId ?? result.output.templateId)).toEqual([
      SEED.productCard,
      SEED.ticketTemplate,
      SEED.productCard,
    ]);
    expect(results[2]?.output.reference).toBe('r-3');
    expect(results.map((result) => result.output.status)).toEqual([
      'completed',
      'completed',
      'completed',
    ]);
    expect(svgText(results[0]?.file?.bytes)).toContain('Alpha');
    expect(svgText(results[1]?.file?.bytes)).toContain('Grace');
    expect(svgText(results[2]?.file?.bytes)).toContain('Charlie');
    expect(svgText(results[2]?.file?.bytes)).not.toContain('Alpha');
    for (const result of results) {
      expect(result.output.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
      expect(result.file?.contentType).toBe('image/svg+xml');
      expect(result.file?.fileName).toBe(`canvelete-${result.output.id}.svg`);
    }
    expect(new Set(results.map((result) => result.output.id)).size).toBe(3);
  });

  it('fails a render the sandbox fails with the node error and the Canvelete code', async () => {
    const view = await failureOf(
      driver.render({ designId: SEED.productCard, reference: 'sandbox:fail-driver' }),
    );
    expect(view.kind).toMatch(/^Node(Api|Operation)Error$/);
    expect(view.code).toBe('RENDER_FAILED');
  });

  it('subscribes the trigger, receives the real delivery, drops the duplicate, refuses a forgery and unsubscribes', async () => {
    const trigger = await driver.instantTrigger({ events: ['render.completed'] });
    expect(trigger.mode).toBe('subscribed');
    expect(trigger.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webhook\//);
    expect(trigger.signingSecret).toMatch(/^whsec_/);
    expect(trigger.notice).toBeUndefined();
    const client = new Canvelete({ apiKey: sandbox.apiKey, baseUrl: sandbox.url });
    expect((await client.webhooks.list()).map((entry) => entry.url)).toEqual([trigger.url]);

    const rendered = await driver.render({ designId: SEED.productCard, format: 'svg' });
    const delivery = await trigger.nextDelivery(10_000);
    const accepted = await trigger.deliver(delivery);
    expect(accepted).toMatchObject({ accepted: true, status: 200 });
    expect(accepted.events).toHaveLength(1);
    expect(accepted.events[0]).toMatchObject({
      eventType: 'render.completed',
      renderId: rendered.output.id,
    });

    const duplicate = await trigger.deliver(delivery);
    expect(duplicate.accepted).toBe(true);
    expect(duplicate.events).toEqual([]);

    const forged = await trigger.deliver({
      ...delivery,
      body: delivery.body.replace(rendered.output.id, 'rnd_forged'),
    });
    expect(forged).toMatchObject({ accepted: false, status: 401, events: [] });
    expect(forged.refusal).toMatchObject({
      kind: 'Refused',
      httpStatus: 401,
      message: 'The webhook signature did not verify',
    });

    await trigger.close();
    expect(await client.webhooks.list()).toEqual([]);
  });

  it('keeps secrets out of a transcript that holds n8n log lines, node outputs and errors', async () => {
    await driver.render({ designId: SEED.productCard, format: 'svg', reference: 'transcript' });
    await failureOf(driver.render({ designId: SEED.productCard, reference: 'sandbox:fail-t' }));
    const text = driver.transcript();
    expect(text).toContain('Start executing node "Render"');
    expect(text).toContain('Render output:');
    expect(text).toContain('RENDER_FAILED');
    expect(text).not.toContain(sandbox.apiKey);
    expect(text).not.toContain(sandbox.webhookSecret);
  });
});

describe('n8n driver fallbacks and failures', () => {
  let sandbox: Sandbox | undefined;
  let driver: ConnectorDriver | undefined;

  afterEach(async () => {
    await driver?.close();
    await sandbox?.close();
    driver = undefined;
    sandbox = undefined;
  });

  it('polls until done without callbacks, and has no instant trigger', async () => {
    sandbox = await start();
    driver = await connect(sandbox, { callbacks: false });
    const result = await driver.render({
      designId: SEED.productCard,
      format: 'svg',
      data: { product_name: 'Polled' },
    });
    expect(result.waited).toBe('poll');
    expect(svgText(result.file?.bytes)).toContain('Polled');
    const view = await failureOf(driver.instantTrigger());
    expect(view.kind).toBe('Unavailable');
    expect(view.message).toContain('Canvelete Polling Trigger');
  });

  it('activates manually on a server without the subscription API and verifies with the credential secret', async () => {
    sandbox = await start({ webhookApi: false });
    driver = await connect(sandbox);
    const trigger = await driver.instantTrigger();
    expect(trigger.mode).toBe('manual');
    expect(trigger.url).toContain('/webhook/');
    expect(trigger.signingSecret).toBe(sandbox.webhookSecret);
    expect(trigger.notice).toContain('Settings → Webhooks');
    expect(trigger.notice).toContain(`Production URL: ${trigger.url}`);
    const event = {
      id: 'evt_manual_1',
      type: 'render.completed',
      createdAt: new Date().toISOString(),
      data: { renderId: 'rnd_manual', status: 'completed' },
    };
    const accepted = await trigger.deliver(signed(event, sandbox.webhookSecret));
    expect(accepted.accepted).toBe(true);
    expect(accepted.events).toEqual([
      {
        eventId: 'evt_manual_1',
        eventType: 'render.completed',
        renderId: 'rnd_manual',
        status: 'completed',
      },
    ]);
    const forged = await trigger.deliver(signed({ ...event, id: 'evt_manual_2' }, 'whsec_wrong'));
    expect(forged).toMatchObject({ accepted: false, status: 401 });
    await trigger.close();
  });

  it('refuses to activate without the subscription API and without a signing secret, naming the URL to paste', async () => {
    sandbox = await start({ webhookApi: false });
    driver = await connect(sandbox, {}, false);
    const view = await failureOf(driver.instantTrigger());
    expect(view.kind).toBe('NodeOperationError');
    expect(view.message).toContain('signing secret');
    expect(String((view.raw as { description?: string }).description)).toContain('/webhook/');
  });

  it('reports a wrong API key as the node API error with 401, without the key', async () => {
    sandbox = await start();
    driver = await createN8nDriver({
      packageDir: PACKAGE_DIR,
      credentials: { apiKey: 'cvt_wrong_key_for_the_driver', baseUrl: sandbox.url },
    });
    const wrong = driver;
    for (const operation of [
      () => wrong.render({ designId: SEED.productCard }),
      () => wrong.fields({ designId: SEED.productCard }),
    ]) {
      const view = await failureOf(operation());
      expect(view).toMatchObject({ kind: 'NodeApiError', code: 'UNAUTHORIZED', httpStatus: 401 });
      expect(view.message).not.toContain('cvt_wrong_key_for_the_driver');
    }
    // n8n's ErrorReporter logs the node error's cause chain through n8n's root Logger.
    expect(driver.transcript()).toContain('[n8n error] Canvelete said: "Invalid API key"');
    expect(driver.transcript()).not.toContain('cvt_wrong_key_for_the_driver');
  });
});
