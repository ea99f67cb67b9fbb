import { randomUUID } from 'node:crypto';
import { cloneJson } from './json.ts';
import type { HttpEvent, HttpResponseSpec } from './types.ts';

/**
 * The `$` an action's `run({ $ })` receives (api.mdx "Actions", rerun.mdx): `export` (with
 * `$summary`), `respond`, `send.*`, `flow.exit`, `flow.rerun`, `flow.suspend`, `flow.delay`, and
 * `context` with `deadline`, `JIT` (test mode) and `run { runs, context, callback_request }`.
 */
export const TEST_MODE_CANCEL_MESSAGE =
  'Workflow execution canceled — this may be due to `$.flow.suspend()` usage (not supported in test)';

export class FlowExit {
  constructor(readonly reason: string | undefined) {}
}

export class FlowCanceled {
  readonly message = TEST_MODE_CANCEL_MESSAGE;
}

export interface RerunRequest {
  kind: 'rerun' | 'suspend' | 'delay';
  delayMs: number;
  context: unknown;
  maxRetries: number;
  resumeUrl: string;
  cancelUrl: string;
}

export interface StepRecord {
  exports: Record<string, unknown>;
  responses: HttpResponseSpec[];
  sent: Array<{ destination: string; config: unknown }>;
  rerun?: RerunRequest;
  /** True when a rerun was asked for after `maxRetries` was used up: the step just continues. */
  rerunRefused?: boolean;
}

export interface StepContextInput {
  executionId: string;
  workflowId: string;
  test: boolean;
  deadline: number;
  runs: number;
  rerunContext: unknown;
  callbackRequest: HttpEvent | undefined;
  maxRetriesSoFar: number | undefined;
  resumeUrlFor: (token: string) => { resumeUrl: string; cancelUrl: string };
}

export function createStepContext(input: StepContextInput): {
  $: Record<string, unknown>;
  record: StepRecord;
} {
  const record: StepRecord = { exports: {}, responses: [], sent: [] };
  const pause = (
    kind: RerunRequest['kind'],
    delayMs: number,
    context: unknown,
    maxRetries: number,
  ) => {
    if (input.test) throw new FlowCanceled();
    const { resumeUrl, cancelUrl } = input.resumeUrlFor(randomUUID());
    // rerun.mdx: "When you exceed maxRetries, the workflow proceeds to the next step."
    const limit = input.maxRetriesSoFar ?? maxRetries;
    if (kind === 'rerun' && input.runs - 1 >= limit) {
      record.rerunRefused = true;
      return { resume_url: resumeUrl, cancel_url: cancelUrl };
    }
    record.rerun = {
      kind,
      delayMs,
      context: cloneJson(context ?? null, 'The rerun context'),
      maxRetries,
      resumeUrl,
      cancelUrl,
    };
    return { resume_url: resumeUrl, cancel_url: cancelUrl };
  };
  const send = (destination: string) => (config: unknown) => {
    record.sent.push({ destination, config: cloneJson(config, `$.send.${destination}`) });
  };
  const $ = {
    export(name: string, value: unknown) {
      record.exports[name] = cloneJson(value, `The export "${name}"`);
    },
    respond(response: HttpResponseSpec) {
      record.responses.push(response);
    },
    send: {
      http: send('http'),
      email: send('email'),
      emit: send('emit'),
      s3: send('s3'),
      sse: send('sse'),
    },
    flow: {
      exit(reason?: string): never {
        throw new FlowExit(reason);
      },
      rerun: (delayMs: number, context?: unknown, maxRetries = 10) =>
        pause('rerun', delayMs, context, maxRetries),
      suspend: (timeoutMs = 24 * 60 * 60 * 1000) => pause('suspend', timeoutMs, null, 1),
      delay: (ms: number, context?: unknown) => pause('delay', ms, context, 1),
      refreshTimeout: () => '',
    },
    context: {
      id: input.executionId,
      ts: new Date().toISOString(),
      workflow_id: input.workflowId,
      deployment_id: `d_${input.workflowId}`,
      trace_id: input.executionId,
      test: input.test,
      replay: false,
      deadline: input.deadline,
      JIT: input.test,
      run: {
        runs: input.runs,
        ...(input.runs > 1 ? { context: input.rerunContext } : {}),
        ...(input.callbackRequest ? { callback_request: input.callbackRequest } : {}),
      },
    },
  };
  return { $, record };
}
