// The five integration patterns from Canvelete's docs, played through @canvelete/core directly.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  buildDynamicPayload,
  type Canvelete,
  describeFields,
  type Render,
  verifyWebhook,
  type WebhookEvent,
} from '@canvelete/core';
import {
  COURSE_COMPLETION,
  dailyPostData,
  launchPostData,
  PRODUCTS,
  productCardData,
} from '../products.js';
import { type ScenarioContext, type ScenarioOutcome, ScenarioSkipped } from '../types.js';

/**
 * Field values as a render request, the way the connectors send them: the core's field model puts
 * text in `dynamicData` and colours and the like in `dynamicElements`.
 */
async function fieldValues(client: Canvelete, designId: string, values: Record<string, string>) {
  const { dynamicData, dynamicElements } = buildDynamicPayload(
    describeFields(await client.designs.retrieve(designId)),
    values,
  );
  return { dynamicData, dynamicElements };
}

async function saveRender(context: ScenarioContext, name: string, render: Render) {
  const file = await context.target.client.renders.download(render);
  return context.save(
    `${name}.${file.format ?? render.format ?? 'bin'}`,
    file.bytes,
    file.contentType,
  );
}

export async function certificatePdf(context: ScenarioContext): Promise<ScenarioOutcome> {
  const { client, designs } = context.target;
  context.progress('rendering the certificate as PDF');
  const render = await client.renders.create(
    { designId: designs.certificate, format: 'pdf', dynamicData: COURSE_COMPLETION },
    { deadline: Date.now() + 60_000 },
  );
  const artifact = await saveRender(context, 'certificate-core', render);
  return { artifacts: [artifact], note: `PDF ${render.width ?? '?'}×${render.height ?? '?'} pt` };
}

export async function productCards(context: ScenarioContext): Promise<ScenarioOutcome> {
  const { client, designs } = context.target;
  context.progress(`rendering ${PRODUCTS.length} product cards with renderMany`);
  const inputs = [];
  for (const product of PRODUCTS) {
    inputs.push({
      designId: designs.productCard,
      format: 'png' as const,
      scale: 0.5,
      ...(await fieldValues(
        client,
        designs.productCard,
        productCardData(product, context.target.assetsUrl),
      )),
    });
  }
  const results = await client.renderMany(inputs, {
    concurrency: 3,
    deadline: Date.now() + 60_000,
  });
  const artifacts = [];
  for (const result of results) {
    if (!result.ok) throw result.error;
    const file = result.value as { bytes: Uint8Array; contentType: string };
    artifacts.push(
      await context.save(`product-card-${result.index + 1}-core.png`, file.bytes, file.contentType),
    );
  }
  return { artifacts, note: `${artifacts.length} cards, one per item` };
}

export async function dailyPost(context: ScenarioContext): Promise<ScenarioOutcome> {
  const { client, designs } = context.target;
  context.progress("rendering today's post");
  const file = await client.renders.render({
    designId: designs.dailyPost,
    format: 'jpg',
    quality: 85,
    scale: 0.5,
    dynamicData: dailyPostData(new Date()),
  });
  const artifact = await context.save('daily-post-core.jpg', file.bytes, file.contentType);
  return { artifacts: [artifact], note: 'scheduled post as JPG' };
}

export async function productLaunch(context: ScenarioContext): Promise<ScenarioOutcome> {
  const { client, designs } = context.target;
  const product = PRODUCTS[1];
  context.progress('rendering a product card and a 1200×630 social image');
  const cardValues = await fieldValues(
    client,
    designs.productCard,
    productCardData(product, context.target.assetsUrl),
  );
  const [card, social] = await Promise.all([
    client.renders.create(
      { designId: designs.productCard, format: 'png', scale: 0.5, ...cardValues },
      { deadline: Date.now() + 60_000 },
    ),
    client.renders.create(
      {
        designId: designs.socialImage,
        format: 'png',
        dynamicData: launchPostData(context.target.assetsUrl),
      },
      { deadline: Date.now() + 60_000 },
    ),
  ]);
  const artifacts = [
    await saveRender(context, 'launch-card-core', card),
    await saveRender(context, 'launch-social-core', social),
  ];
  return { artifacts, note: `card + ${social.width}×${social.height} social image` };
}

/** Subscribes a loopback receiver, renders, and checks the signed render.completed it receives. */
export async function renderCompletedTrigger(context: ScenarioContext): Promise<ScenarioOutcome> {
  const { client, designs } = context.target;
  if (!context.target.canCallBack) {
    throw new ScenarioSkipped(
      'needs Canvelete to call back into this machine; run it against the sandbox (npm run demo without CANVELETE_API_KEY)',
    );
  }
  const received: Array<{ body: Buffer; headers: Record<string, string | string[] | undefined> }> =
    [];
  let notify: () => void = () => {};
  const arrived = new Promise<void>((resolve) => {
    notify = resolve;
  });
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ body: Buffer.concat(chunks), headers: request.headers });
      response.writeHead(204).end();
      notify();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/canvelete`;
  const subscription = await client.webhooks.subscribe({ url, events: ['render.completed'] });
  try {
    context.progress('subscribed; rendering to trigger render.completed');
    const reference = `demo-${Date.now()}`;
    await client.renders.create(
      { designId: designs.dailyPost, format: 'png', scale: 0.25, reference },
      { deadline: Date.now() + 60_000 },
    );
    await Promise.race([
      arrived,
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error('no delivery within 20 s')), 20_000),
      ),
    ]);
    const delivery = received[0]!;
    const event: WebhookEvent = verifyWebhook({
      payload: delivery.body,
      headers: delivery.headers,
      secret: subscription.secret ?? '',
    });
    if (event.type !== 'render.completed') throw new Error(`unexpected event ${event.type}`);
    return { artifacts: [], note: `${event.type} verified (${event.id})` };
  } finally {
    await client.webhooks.unsubscribe(subscription.id);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
