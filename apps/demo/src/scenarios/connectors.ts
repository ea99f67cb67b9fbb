// The integration patterns played through a connector in its platform's runtime (Zapier's app
// handler, n8n's engine, the Pipedream harness), via the drivers in @canvelete/testing.
import { randomUUID } from 'node:crypto';
import type { DriverPlatform, DriverRenderResult } from '@canvelete/testing/drivers';
import { COURSE_COMPLETION, launchPostData, PRODUCTS, productCardData } from '../products.js';
import {
  type DemoArtifact,
  type ScenarioContext,
  type ScenarioOutcome,
  ScenarioSkipped,
} from '../types.js';

type Runner = (context: ScenarioContext) => Promise<ScenarioOutcome>;

const WAITED: Record<DriverRenderResult['waited'], string> = {
  callback: 'waited for the callback',
  poll: 'polled (no callback to this machine)',
  sync: 'rendered synchronously',
};

/** Saves the file the platform attached to a render. */
export async function saveRendered(
  context: ScenarioContext,
  name: string,
  result: DriverRenderResult,
): Promise<DemoArtifact> {
  const file = result.file;
  if (!file) throw new Error(`render ${result.output.id} came back without a file`);
  const extension = result.output.format ?? file.fileName.split('.').pop() ?? 'bin';
  return context.save(`${name}.${extension}`, file.bytes, file.contentType);
}

export function certificateVia(platform: DriverPlatform): Runner {
  return async (context) => {
    const driver = await context.connector(platform);
    context.progress(`${driver.label}: render the certificate as PDF`);
    const result = await driver.render({
      designId: context.target.designs.certificate,
      format: 'pdf',
      data: COURSE_COMPLETION,
      reference: `form-${randomUUID()}`,
    });
    const artifact = await saveRendered(context, `certificate-${platform}`, result);
    return { artifacts: [artifact], note: `PDF, ${WAITED[result.waited]}` };
  };
}

export function productCardsVia(platform: DriverPlatform): Runner {
  return async (context) => {
    const driver = await context.connector(platform);
    context.progress(`${driver.label}: render many, one card per product`);
    const results = await driver.renderMany(
      PRODUCTS.map((product, index) => ({
        designId: context.target.designs.productCard,
        format: 'png' as const,
        scale: 0.5,
        data: productCardData(product, context.target.assetsUrl),
        reference: `product-${index + 1}`,
      })),
    );
    const artifacts: DemoArtifact[] = [];
    for (const [index, result] of results.entries())
      artifacts.push(await saveRendered(context, `product-card-${index + 1}-${platform}`, result));
    return { artifacts, note: `${artifacts.length} cards, files attached to each item` };
  };
}

export function productLaunchVia(platform: DriverPlatform): Runner {
  return async (context) => {
    const driver = await context.connector(platform);
    const { designs, assetsUrl } = context.target;
    context.progress(`${driver.label}: a product card and a 1200×630 social image`);
    const [card, social] = await Promise.all([
      driver.render({
        designId: designs.productCard,
        format: 'png',
        scale: 0.5,
        data: productCardData(PRODUCTS[1], assetsUrl),
      }),
      driver.render({
        designId: designs.socialImage,
        format: 'png',
        data: launchPostData(assetsUrl),
      }),
    ]);
    const artifacts = [
      await saveRendered(context, `launch-card-${platform}`, card),
      await saveRendered(context, `launch-social-${platform}`, social),
    ];
    return {
      artifacts,
      note: `card + ${social.output.width}×${social.output.height} social image`,
    };
  };
}

/** Turns the instant trigger on, renders, and hands it Canvelete's signed delivery (and a forgery). */
export function renderCompletedVia(platform: DriverPlatform): Runner {
  return async (context) => {
    if (!context.target.canCallBack)
      throw new ScenarioSkipped(
        'Canvelete cannot call back into this machine; use the polling trigger (New Render) instead',
      );
    const driver = await context.connector(platform);
    const reference = `demo-hook-${randomUUID()}`;
    const trigger = await driver.instantTrigger({ reference });
    try {
      context.progress(`${driver.label}: trigger on (${trigger.mode}); rendering`);
      const render = await context.target.client.renders.create(
        { designId: context.target.designs.dailyPost, format: 'png', scale: 0.25, reference },
        { deadline: Date.now() + 60_000 },
      );
      const delivery = await trigger.nextDelivery(20_000);
      const outcome = await trigger.deliver(delivery);
      const event = outcome.events[0];
      if (!outcome.accepted || event?.renderId !== render.id)
        throw new Error(`the trigger did not start a run for render ${render.id}`);
      const forged = await trigger.deliver({ ...delivery, body: delivery.body.replace('}', ' }') });
      if (forged.accepted || forged.events.length > 0)
        throw new Error('the trigger accepted a forged delivery');
      return { artifacts: [], note: `${event.eventType} verified, run started; forgery refused` };
    } finally {
      await trigger.close();
    }
  };
}
