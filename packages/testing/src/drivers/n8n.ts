// The n8n driver: the Canvelete node package loaded by n8n's own loader and run in n8n-core's
// WorkflowExecute (the N8nHarness), filled in the way a user fills in the node.

import type { INodeExecutionData, ResourceMapperFields } from 'n8n-workflow';
import { type HarnessRun, N8nHarness } from '../n8n/index.ts';
import {
  binaryFile,
  failure,
  fieldKind,
  RENDER_NODE,
  renderManyItem,
  renderManyParameters,
  renderParameters,
  sourceParameters,
} from './n8n-mapping.ts';
import { type LoopbackRecorder, startLoopbackRecorder } from './n8n-recorder.ts';
import { N8nTranscript, safeJson } from './n8n-transcript.ts';
import { activateN8nTrigger, flatHeaders, harnessRequest } from './n8n-trigger.ts';
import { normalizeRenderOutput } from './normalize.ts';
import {
  type ConnectorDriver,
  DriverFailure,
  type DriverField,
  type DriverOptions,
  type DriverRenderRequest,
  type DriverRenderResult,
  type DriverTrigger,
} from './types.ts';

export type N8nDriverOptions = DriverOptions & {
  /** The installed n8n-nodes-canvelete folder (its package.json `n8n` block points at dist). */
  packageDir: string;
};

/** How long a paused execution waits for Canvelete's callback before the driver gives up. */
const CALLBACK_TIMEOUT_MS = 30_000;

type Waited = DriverRenderResult['waited'];

function toResult(item: INodeExecutionData, waited: Waited): DriverRenderResult {
  const file = binaryFile(item);
  return {
    raw: item,
    output: normalizeRenderOutput(item.json),
    ...(file ? { file } : {}),
    waited,
  };
}

/** The item index a Render Many output item answers (n8n's pairedItem). */
function pairedIndex(item: INodeExecutionData, fallback: number): number {
  const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
  if (typeof paired === 'number') return paired;
  return paired?.item ?? fallback;
}

export async function createN8nDriver(options: N8nDriverOptions): Promise<ConnectorDriver> {
  const callbacks = options.callbacks !== false;
  const { apiKey, baseUrl, webhookSecret } = options.credentials;
  const transcript = new N8nTranscript(options.packageDir);
  let recorder: LoopbackRecorder | undefined;
  let harness: N8nHarness;
  try {
    recorder = await startLoopbackRecorder();
    harness = await N8nHarness.create({
      packageDir: options.packageDir,
      // n8n's public URL: resume URLs and the trigger's webhook URL point at the recorder.
      baseUrl: recorder.url,
      credentials: { canveleteApi: { apiKey, baseUrl, webhookSecret: webhookSecret ?? '' } },
    });
  } catch (error) {
    await recorder?.close();
    transcript.stop();
    throw error;
  }
  transcript.listen();
  const receiver = recorder;
  const triggers = new Set<DriverTrigger>();

  /** What n8n keeps of an execution and shows in its UI: node outputs, errors, custom data. */
  const record = (run: HarnessRun) => {
    transcript.add(`execution ${run.executionId}: ${run.status}`);
    for (const [node, runs] of Object.entries(run.data.resultData.runData)) {
      for (const task of runs) {
        for (const item of task.data?.main?.flat() ?? []) {
          if (!item) continue;
          const files = Object.values(item.binary ?? {}).map((binary) => ({
            fileName: binary.fileName,
            mimeType: binary.mimeType,
          }));
          transcript.add(`${node} output: ${safeJson(item.json)} files ${safeJson(files)}`);
        }
        if (task.error) transcript.addError(task.error);
      }
    }
    if (run.error) transcript.addError(run.error);
    if (Object.keys(run.customData).length > 0) {
      transcript.add(`custom data: ${safeJson(run.customData)}`);
    }
  };

  const execute = async (...args: Parameters<N8nHarness['run']>) => {
    transcript.listen();
    const run = await harness.run(...args);
    record(run);
    return run;
  };

  const throwIfFailed = (run: HarnessRun) => {
    if (run.status === 'success') return;
    throw failure(
      run.error ??
        run.nodeError(RENDER_NODE) ??
        new Error(`the execution ended with status "${run.status}"`),
    );
  };

  /**
   * "Pause until Canvelete calls back": the execution ends waiting; Canvelete POSTs to its resume
   * URL (the recorder); the harness replays that request into the waiting node's webhook() the way
   * n8n's WaitingWebhooks does, until the node answers with the finished items.
   */
  const resumeOnCallback = async (waiting: HarnessRun): Promise<HarnessRun> => {
    const prefix = `/webhook-waiting/${waiting.executionId}/`;
    const deadline = Date.now() + CALLBACK_TIMEOUT_MS;
    let from = 0;
    for (;;) {
      const timeoutMs = Math.max(1, deadline - Date.now());
      const found = await receiver
        .waitFor((request) => request.url.startsWith(prefix), { from, timeoutMs })
        .catch(() => undefined);
      if (!found) {
        throw new DriverFailure({
          kind: 'WaitingExecution',
          message: `The execution is still waiting: Canvelete did not call back within ${CALLBACK_TIMEOUT_MS} ms`,
          raw: waiting.run,
        });
      }
      from = found.index + 1;
      const request = found.request;
      let call: Awaited<ReturnType<N8nHarness['resume']>>;
      try {
        call = await harness.resume(
          waiting,
          harnessRequest(request.body, flatHeaders(request.headers)),
        );
      } catch (error) {
        transcript.addError(error);
        throw failure(error);
      }
      transcript.add(
        `resume webhook answered ${call.http.statusCode}: ${safeJson(call.http.body ?? call.response.webhookResponse)}`,
      );
      if (call.resumed) {
        record(call.resumed);
        return call.resumed;
      }
    }
  };

  const renderGroup = async (requests: DriverRenderRequest[], kind: 'design' | 'template') => {
    const run = await execute(
      {
        nodes: [
          {
            name: RENDER_NODE,
            type: 'canvelete',
            parameters: renderManyParameters(requests, kind),
          },
        ],
      },
      requests.map(renderManyItem),
    );
    throwIfFailed(run);
    return run.output(RENDER_NODE);
  };

  return {
    platform: 'n8n',
    label: 'n8n (n8n-core engine)',

    async fields(source) {
      const workflow = harness.workflow({
        nodes: [
          {
            name: RENDER_NODE,
            type: 'canvelete',
            parameters: { resource: 'render', operation: 'render', ...sourceParameters(source) },
          },
        ],
      });
      let result: ResourceMapperFields;
      try {
        result = await harness.callMethod<ResourceMapperFields>(
          workflow,
          RENDER_NODE,
          'resourceMapping',
          'getFields',
        );
      } catch (error) {
        transcript.addError(error);
        throw failure(error);
      }
      transcript.add(`resource mapper fields: ${safeJson(result.fields)}`);
      return result.fields.map(
        (field): DriverField => ({
          key: field.id,
          kind: fieldKind(field),
          required: field.required,
        }),
      );
    },

    async render(request) {
      const waitMode = callbacks ? 'callback' : 'poll';
      const spec = {
        nodes: [
          { name: RENDER_NODE, type: 'canvelete', parameters: renderParameters(request, waitMode) },
        ],
      };
      let run = await execute(spec, [{}]);
      // With "Poll until done" the node returns when the render is ready; with the callback mode
      // it returns at once only if the render had already finished when it started.
      let waited: Waited = callbacks ? 'sync' : 'poll';
      if (run.status === 'waiting') {
        run = await resumeOnCallback(run);
        waited = 'callback';
      }
      throwIfFailed(run);
      const [item] = run.output(RENDER_NODE);
      if (!item) throw failure(new Error('the Render node returned no item'));
      return toResult(item, waited);
    },

    async renderMany(requests) {
      const results: DriverRenderResult[] = new Array(requests.length);
      // "Source" cannot be an expression in the node, so designs and templates are two workflows.
      for (const kind of ['design', 'template'] as const) {
        const positions = requests.flatMap((request, index) =>
          ('templateId' in request ? 'template' : 'design') === kind ? [index] : [],
        );
        if (positions.length === 0) continue;
        const items = await renderGroup(
          positions.map((index) => requests[index] as DriverRenderRequest),
          kind,
        );
        items.forEach((item, order) => {
          const position = positions[pairedIndex(item, order)] as number;
          results[position] = toResult(item, 'poll');
        });
      }
      return results;
    },

    async instantTrigger(filter) {
      if (!callbacks) {
        throw new DriverFailure({
          kind: 'Unavailable',
          message:
            'Canvelete cannot reach this n8n instance, so the Canvelete Trigger cannot receive events: use the "Canvelete Polling Trigger" node instead.',
          raw: undefined,
        });
      }
      const trigger = await activateN8nTrigger(
        { harness, recorder: receiver, transcript, credentialSecret: webhookSecret || undefined },
        filter,
      );
      triggers.add(trigger);
      return trigger;
    },

    transcript: () => transcript.text(),

    async close() {
      for (const trigger of triggers) await trigger.close().catch(() => undefined);
      triggers.clear();
      await receiver.close();
      transcript.stop();
    },
  };
}
