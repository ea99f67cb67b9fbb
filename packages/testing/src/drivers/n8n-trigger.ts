// The Canvelete Trigger node through n8n's activation lifecycle (webhookMethods via HookContext) and
// its webhook() via WebhookContext, with a loopback recorder standing in for n8n's public URL.

import type { RecordedRequest } from '@canvelete/test-http';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import type { HarnessHttpRequest, N8nHarness } from '../n8n/index.ts';
import { failure } from './n8n-mapping.ts';
import type { LoopbackRecorder } from './n8n-recorder.ts';
import { type N8nTranscript, safeJson } from './n8n-transcript.ts';
import type {
  DriverDelivery,
  DriverDeliveryOutcome,
  DriverErrorView,
  DriverTrigger,
  DriverTriggerFilter,
  NormalizedTriggerEvent,
} from './types.ts';

const TRIGGER_NODE = 'Canvelete Trigger';
const DEFAULT_DELIVERY_TIMEOUT_MS = 10_000;

export interface N8nTriggerContext {
  harness: N8nHarness;
  recorder: LoopbackRecorder;
  transcript: N8nTranscript;
  /** The credential's "Webhook Signing Secret" field (what manual mode verifies with). */
  credentialSecret: string | undefined;
}

/** Header values as Node's HTTP server hands them to n8n (names already lower-case). */
export function flatHeaders(headers: RecordedRequest['headers']): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

/** A raw request as n8n's webhook server builds it: parsed JSON body plus the raw bytes. */
export function harnessRequest(body: string | Buffer, headers: Record<string, string>) {
  const rawBody = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  let parsed: unknown = {};
  try {
    parsed = JSON.parse(rawBody.toString('utf8'));
  } catch {
    // n8n passes an unparsable body on as-is; the node verifies the raw bytes anyway.
  }
  const lowered = Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
  return { body: parsed, rawBody, headers: lowered } satisfies HarnessHttpRequest;
}

function toEvent(item: INodeExecutionData): NormalizedTriggerEvent {
  const json = item.json as { id?: unknown; type?: unknown; data?: IDataObject };
  const data = json.data ?? {};
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const event: NormalizedTriggerEvent = { renderId: String(data.renderId ?? data.id ?? '') };
  const eventId = text(json.id);
  const eventType = text(json.type);
  const status = text(data.status);
  const reference = text(data.reference);
  if (eventId) event.eventId = eventId;
  if (eventType) event.eventType = eventType;
  if (status) event.status = status;
  if (reference) event.reference = reference;
  return event;
}

/** A refused delivery as n8n answered it: the node wrote the status and `{ error }` itself. */
function refusalOf(status: number, body: unknown): DriverErrorView {
  const error = (body as { error?: unknown } | undefined)?.error;
  const message = typeof error === 'string' ? error : safeJson(body);
  return { kind: 'Refused', message, httpStatus: status, raw: { status, body } };
}

/** The notice the trigger node shows in its panel (where it tells the user what to paste where). */
function nodeNotice(harness: N8nHarness): string | undefined {
  const type = harness.pkg.nodeTypes.getByNameAndVersion(harness.pkg.typeName('canveleteTrigger'));
  return type.description.properties.find((property) => property.type === 'notice')?.displayName;
}

/**
 * Activates like n8n's ActiveWorkflowManager: `checkExists`, then `create` when it answers false.
 * The node keeps its state (mode, subscription id and secret, URL) in the workflow's static data.
 */
export async function activateN8nTrigger(
  context: N8nTriggerContext,
  filter: DriverTriggerFilter = {},
): Promise<DriverTrigger> {
  const { harness, recorder, transcript } = context;
  const parameters: Record<string, unknown> = { events: filter.events ?? ['render.completed'] };
  if (filter.reference !== undefined) parameters.reference = filter.reference;
  const staticData: IDataObject = {};
  const workflow = harness.workflow({
    withoutStart: true,
    staticData,
    nodes: [{ name: TRIGGER_NODE, type: 'canveleteTrigger', parameters }],
  });
  const lifecycle = async (method: 'checkExists' | 'create' | 'delete') => {
    try {
      const answer = await harness.webhookMethod(workflow, TRIGGER_NODE, method);
      transcript.add(`trigger ${method}: ${answer}`);
      return answer;
    } catch (error) {
      transcript.addError(error);
      throw failure(error);
    }
  };
  if (!(await lifecycle('checkExists'))) await lifecycle('create');

  const state = (workflow.staticData[`node:${TRIGGER_NODE}`] ?? {}) as IDataObject;
  const mode = state.mode === 'manual' ? 'manual' : 'subscribed';
  const url = String(state.webhookUrl ?? '');
  const signingSecret =
    mode === 'subscribed' ? (state.webhookSecret as string | undefined) : context.credentialSecret;
  // In manual mode the user reads the node panel: the notice above the parameters and, at the top
  // of the panel, the Production URL it tells them to paste into Canvelete's dashboard.
  const notice =
    mode === 'manual' ? `${nodeNotice(harness) ?? ''} Production URL: ${url}`.trim() : undefined;
  transcript.add(`trigger activated (${mode}) at ${url}`);
  if (notice) transcript.add(`notice: ${notice}`);
  const path = new URL(url).pathname;
  let cursor = recorder.requests.length;
  let closed = false;

  return {
    mode,
    url,
    signingSecret,
    notice,
    async nextDelivery(timeoutMs = DEFAULT_DELIVERY_TIMEOUT_MS) {
      const { request, index } = await recorder.waitFor(
        (candidate) => candidate.url.split('?')[0] === path,
        { from: cursor, timeoutMs },
      );
      cursor = index + 1;
      return { body: request.body.toString('utf8'), headers: flatHeaders(request.headers) };
    },
    async deliver(delivery: DriverDelivery): Promise<DriverDeliveryOutcome> {
      let call: Awaited<ReturnType<N8nHarness['callWebhook']>>;
      try {
        call = await harness.callWebhook(
          workflow,
          TRIGGER_NODE,
          harnessRequest(delivery.body, delivery.headers),
        );
      } catch (error) {
        transcript.addError(error);
        throw failure(error);
      }
      const items = call.response.workflowData?.[0] ?? [];
      const status = call.http.statusCode;
      transcript.add(
        `trigger webhook answered ${status}: ${safeJson(call.http.body ?? call.response.webhookResponse)}`,
      );
      for (const item of items) transcript.add(`trigger output: ${safeJson(item.json)}`);
      const accepted = status >= 200 && status < 300;
      return {
        accepted,
        status,
        events: items.map(toEvent),
        ...(accepted ? {} : { refusal: refusalOf(status, call.http.body) }),
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      await lifecycle('delete');
    },
  };
}
