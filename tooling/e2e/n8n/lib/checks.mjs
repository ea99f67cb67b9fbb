// What the stage asserts about n8n's output. Failures throw StageError with the evidence.
import { randomUUID } from 'node:crypto';
import { log, redact, StageError, sleep, step, waitFor } from './proc.mjs';
import { sandboxApi, unwrap } from './sandbox.mjs';
import { STATIC_BANNER_ID } from './workflows.mjs';

function fail(message, evidence) {
  const shown =
    evidence === undefined ? '' : `\n${redact(JSON.stringify(evidence, null, 2)).slice(0, 3000)}`;
  throw new StageError(`${message}${shown}`);
}

/** The first output item of `nodeName` in `execute --rawOutput` run data. */
function firstItem(runData, nodeName) {
  const resultData = runData?.data?.resultData ?? runData?.resultData;
  const error = resultData?.error;
  if (error) fail(`the workflow failed: ${error.message ?? 'unknown error'}`, error);
  const task = resultData?.runData?.[nodeName]?.[0];
  if (!task) fail(`no run data for node "${nodeName}"`, resultData?.runData ?? runData);
  if (task.error) fail(`node "${nodeName}" failed: ${task.error.message}`, task.error);
  const item = task.data?.main?.[0]?.[0];
  if (!item) fail(`node "${nodeName}" returned no item`, task);
  return item;
}

export async function checkExecuteResult({ packageName, runData, sandbox }) {
  if (runData.status && runData.status !== 'success') {
    fail(`execution status is ${runData.status}, expected success`, runData);
  }
  if (packageName !== 'n8n-nodes-canvelete') {
    const { json } = firstItem(runData, 'Echo');
    if (json.status !== 200 || json.greeting !== 'hello e2e-fixture') {
      fail('the fixture node did not reach the sandbox or did not resolve its expression', json);
    }
    log('execute: fixture node called the sandbox with the decrypted credential (200)');
    return;
  }
  const { json } = firstItem(runData, 'Canvelete');
  const url = json.url ?? json.outputUrl ?? json.downloadUrl ?? json.imageUrl;
  const id = json.id ?? json.renderId ?? json.jobId;
  if (json.status !== 'completed' || typeof url !== 'string' || !id) {
    fail('the Canvelete node did not output a completed render with a URL', json);
  }
  if (!url.startsWith(sandbox.url)) fail(`render URL ${url} is not on the sandbox`, json);
  // The URL must serve the rendered file (a PNG).
  const response = await fetch(url);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const png = bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
  if (!response.ok || !png) fail(`GET ${url} did not return a PNG (status ${response.status})`);
  log(`execute: render ${id} completed, ${url} serves a ${bytes.length}-byte PNG`);
}

export async function checkTrigger({ packageName, scenario, sandbox, sink, server, env }) {
  if (packageName !== 'n8n-nodes-canvelete') {
    await step('fixture webhook: POST to n8n and see the workflow run', async () => {
      const marker = randomUUID();
      const response = await fetch(`${server.base}/${scenario.webhookPath}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ marker }),
      });
      if (!response.ok) fail(`n8n webhook answered ${response.status}: ${await response.text()}`);
      await waitFor('the webhook workflow to report to the sink', () =>
        sink.received.find((entry) => entry.body.includes(marker)),
      );
    });
    return;
  }

  const expectedUrl = `${env.N8N_WEBHOOK_URL}${scenario.webhookPath}`;
  const subscription = await step('n8n subscribed at the sandbox (GET /api/v1/webhooks)', () =>
    waitFor(
      `a subscription for ${expectedUrl}`,
      async () => {
        const list = unwrap(await sandboxApi(sandbox, 'GET', '/api/v1/webhooks'));
        return list.find((entry) => entry.url === expectedUrl);
      },
      { timeoutMs: 30_000 },
    ),
  );
  if (!subscription.events.includes('render.completed')) {
    fail('the subscription does not cover render.completed', subscription);
  }
  log(`subscription ${subscription.id} → ${subscription.url} (${subscription.events.join(', ')})`);

  const render = await step('render on the sandbox (POST /api/v1/render/async)', async () =>
    unwrap(
      await sandboxApi(sandbox, 'POST', '/api/v1/render/async', {
        designId: STATIC_BANNER_ID,
        format: 'png',
      }),
    ),
  );
  const renderId = render.id ?? render.jobId ?? render.renderId;
  if (!renderId) fail('the sandbox returned no render id', render);

  const delivered = await step('trigger workflow ran from the signed delivery', async () => {
    try {
      return await waitFor(
        `the trigger workflow to report render ${renderId}`,
        () => sink.received.find((entry) => entry.body.includes(renderId)),
        { timeoutMs: 60_000 },
      );
    } catch (error) {
      const deliveries = await fetch(`${sandbox.url}/__sandbox/deliveries`)
        .then((response) => response.json())
        .catch(() => undefined);
      fail(error.message, { sandboxDeliveries: deliveries });
    }
  });
  const event = delivered.json ?? {};
  log(`trigger output: ${redact(JSON.stringify(event)).slice(0, 400)}`);
  const eventRenderId = event.data?.renderId ?? event.data?.jobId ?? event.data?.id;
  if (event.type !== 'render.completed' || eventRenderId !== renderId) {
    fail(`the trigger did not emit render.completed for ${renderId}`, event);
  }

  await step('forged delivery is refused and starts nothing', async () => {
    const marker = `job_forged_${randomUUID().replaceAll('-', '')}`;
    const body = JSON.stringify({
      id: `evt_${marker}`,
      type: 'render.completed',
      createdAt: new Date().toISOString(),
      data: { renderId: marker, status: 'completed' },
    });
    const response = await fetch(`${server.base}/${scenario.webhookPath}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Canvelete-Signature': `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}`,
      },
      body,
    });
    if (response.status !== 401) {
      fail(`a forged delivery got ${response.status}, expected 401`, await response.text());
    }
    // The genuine delivery reached the sink within seconds; give a forged run the same chance.
    await sleep(5_000);
    if (sink.received.some((entry) => entry.body.includes(marker))) {
      fail('a forged delivery started the workflow');
    }
  });
}
