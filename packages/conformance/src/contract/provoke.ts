// Runs one error-table row on one platform and returns what the user saw, plus everything the
// platform printed while doing it (for the secret sweep).

import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:net';
import { Canvelete } from '@canvelete/core';
import { type Sandbox, startSandbox } from '@canvelete/sandbox';
import type { DriverErrorView } from '@canvelete/testing/drivers';
import { type ScriptedServer, startScriptedServer } from '@canvelete/testing/http';
import { CANARY_KEY, CANARY_SECRET } from './canaries.ts';
import { forged } from './delivery-cases.ts';
import { type ErrorRow, type Fault, RENDER_REQUEST } from './error-table.ts';
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

/** Where a fault lives: the URL and key a driver connects with. */
export interface FaultSite {
  baseUrl: string;
  apiKey: string;
  sandbox: Sandbox | undefined;
  close(): Promise<void>;
}

/** A port that takes connections and drops them at once: a network failure on every request. */
async function droppingServer(): Promise<Server> {
  const server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/** Answers every request like the row says, echoing the caller's Authorization into the message. */
function echoingServer(fault: Extract<Fault, { via: 'answer' }>): Promise<ScriptedServer> {
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

/** Starts what a fault needs: the sandbox configured for it, an echoing server or a dropping port. */
export async function openFault(fault: Fault): Promise<FaultSite> {
  const apiKey = fault.via === 'sandbox' && fault.apiKey ? fault.apiKey : CANARY_KEY;
  if (fault.via === 'answer') {
    const server = await echoingServer(fault);
    return { baseUrl: server.url, apiKey, sandbox: undefined, close: () => server.close() };
  }
  if (fault.via === 'unreachable') {
    const server = await droppingServer();
    const { port } = server.address() as AddressInfo;
    return {
      baseUrl: `http://127.0.0.1:${port}`,
      apiKey,
      sandbox: undefined,
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
  }
  const sandbox = await startSandbox({
    port: 0,
    apiKey: CANARY_KEY,
    webhookSecret: CANARY_SECRET,
    webhookRetryScheduleMs: [100],
    ...(fault.via === 'sandbox' ? fault.sandbox : {}),
    ...(fault.via === 'no-webhook-api' ? { webhookApi: false } : {}),
  });
  return { baseUrl: sandbox.url, apiKey, sandbox, close: () => sandbox.close() };
}

export async function provoke(row: ErrorRow, entry: PlatformEntry): Promise<Provoked> {
  const fault = row.fault;
  const site = await openFault(fault);
  const driver = await entry
    .connect({
      credentials: { apiKey: site.apiKey, baseUrl: site.baseUrl, webhookSecret: CANARY_SECRET },
    })
    .catch(async (error: unknown) => {
      await site.close();
      throw error;
    });
  const secrets: Record<string, string | undefined> = {};
  const done = (view: DriverErrorView | undefined, notice?: string): Provoked => ({
    view,
    notice,
    transcript: driver.transcript(),
    secrets,
  });
  try {
    if (fault.via === 'forged-delivery' && site.sandbox) {
      const reference = `forged-${entry.platform}`;
      const trigger = await driver.instantTrigger({ reference });
      secrets['subscription secret'] = trigger.signingSecret;
      const client = new Canvelete({ apiKey: CANARY_KEY, baseUrl: site.sandbox.url });
      await client.renders.create({ ...RENDER_REQUEST, reference } as never, {
        pollIntervalMs: 50,
      });
      const outcome = await trigger.deliver(forged(await trigger.nextDelivery(20_000)));
      await trigger.close();
      if (outcome.accepted || outcome.events.length > 0)
        throw new Error(`${entry.platform} took a forged delivery`);
      return done(outcome.refusal);
    }
    if (fault.via === 'no-webhook-api') {
      try {
        const trigger = await driver.instantTrigger();
        const notice = trigger.notice;
        await trigger.close();
        return done(undefined, notice);
      } catch (error) {
        if (!(error instanceof Error) || error.name !== 'DriverFailure') throw error;
        return done((error as Error & { view: DriverErrorView }).view);
      }
    }
    const request = { ...RENDER_REQUEST, ...(fault.via === 'sandbox' ? fault.request : {}) };
    return done(await failureOf(driver.render(request as typeof RENDER_REQUEST)));
  } finally {
    await driver.close();
    await site.close();
  }
}
