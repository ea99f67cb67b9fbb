// Runs one error-table row on one platform and returns what the user saw, plus everything the
// platform printed while doing it (for the secret sweep).

import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { Canvelete } from '@canvelete/core';
import { type Sandbox, startSandbox } from '@canvelete/sandbox';
import type { ConnectorDriver, DriverErrorView } from '@canvelete/testing/drivers';
import { type ScriptedServer, startScriptedServer } from '@canvelete/testing/http';
import { CANARY_KEY, CANARY_SECRET } from './canaries.ts';
import { forged } from './delivery-cases.ts';
import { type ErrorRow, RENDER_REQUEST } from './error-table.ts';
import type { PlatformEntry } from './platforms.ts';
import { failureOf } from './world.ts';

export interface Provoked {
  /** The error the user saw; undefined when the platform carried on without one. */
  view: DriverErrorView | undefined;
  /** What the platform said instead, when there was no error (a notice, a log line). */
  notice: string | undefined;
  transcript: string;
  /** Secrets created on the way (a subscription's signing secret). */
  secrets: Record<string, string | undefined>;
}

async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/** Answers every request like the row says, echoing the caller's Authorization into the message. */
function echoingServer(
  fault: Extract<ErrorRow['fault'], { via: 'answer' }>,
): Promise<ScriptedServer> {
  return startScriptedServer((request) => {
    const body = fault.body as { error?: { code: string; message: string } } | string;
    if (typeof body === 'string') return { status: fault.status, body, headers: fault.headers };
    const echoed = `${body.error?.message} (you sent: ${String(request.headers.authorization)})`;
    return {
      status: fault.status,
      headers: fault.headers,
      body: { error: { ...body.error, message: echoed } },
    };
  });
}

export async function provoke(row: ErrorRow, entry: PlatformEntry): Promise<Provoked> {
  const fault = row.fault;
  let sandbox: Sandbox | undefined;
  let server: ScriptedServer | undefined;
  let driver: ConnectorDriver | undefined;
  const secrets: Record<string, string | undefined> = {};
  try {
    let baseUrl: string;
    if (fault.via === 'answer') {
      server = await echoingServer(fault);
      baseUrl = server.url;
    } else if (fault.via === 'unreachable') {
      baseUrl = await closedPort();
    } else {
      sandbox = await startSandbox({
        port: 0,
        apiKey: CANARY_KEY,
        webhookSecret: CANARY_SECRET,
        webhookRetryScheduleMs: [100],
        ...(fault.via === 'sandbox' ? fault.sandbox : {}),
        ...(fault.via === 'no-webhook-api' ? { webhookApi: false } : {}),
      });
      baseUrl = sandbox.url;
    }
    const apiKey = fault.via === 'sandbox' && fault.apiKey ? fault.apiKey : CANARY_KEY;
    driver = await entry.connect({
      credentials: { apiKey, baseUrl, webhookSecret: CANARY_SECRET },
    });

    if (fault.via === 'forged-delivery' && sandbox) {
      const reference = `forged-${entry.platform}`;
      const trigger = await driver.instantTrigger({ reference });
      secrets['subscription secret'] = trigger.signingSecret;
      const client = new Canvelete({ apiKey: CANARY_KEY, baseUrl: sandbox.url });
      await client.renders.create({ ...RENDER_REQUEST, reference } as never, {
        pollIntervalMs: 50,
      });
      const outcome = await trigger.deliver(forged(await trigger.nextDelivery(20_000)));
      await trigger.close();
      if (outcome.accepted || outcome.events.length > 0)
        throw new Error(`${entry.platform} took a forged delivery`);
      return { view: outcome.refusal, notice: undefined, transcript: driver.transcript(), secrets };
    }
    if (fault.via === 'no-webhook-api') {
      try {
        const trigger = await driver.instantTrigger();
        const notice = trigger.notice;
        await trigger.close();
        return { view: undefined, notice, transcript: driver.transcript(), secrets };
      } catch (error) {
        if (!(error instanceof Error) || error.name !== 'DriverFailure') throw error;
        const view = (error as Error & { view: DriverErrorView }).view;
        return { view, notice: undefined, transcript: driver.transcript(), secrets };
      }
    }
    const request = { ...RENDER_REQUEST, ...(fault.via === 'sandbox' ? fault.request : {}) };
    const view = await failureOf(driver.render(request as typeof RENDER_REQUEST));
    return { view, notice: undefined, transcript: driver.transcript(), secrets };
  } finally {
    await driver?.close();
    await server?.close();
    await sandbox?.close();
  }
}
