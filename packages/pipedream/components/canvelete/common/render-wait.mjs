import {
  CanveleteError,
  idempotencyKeyFor,
  normalizeRender,
  normalizeWebhookEvent,
  verifyWebhook,
} from '@canvelete/core';
import {
  CALLBACK_WAIT_MS,
  DEADLINE_MARGIN_MS,
  MAX_POLLS,
  MAX_RERUNS,
  POLL_INTERVAL_MS,
} from './constants.mjs';

/**
 * "Wait for completion" on Pipedream (ARCHITECTURE seam 5):
 * - deployed workflows: the first run registers a `$.flow.rerun` and creates the render with the
 *   rerun's `resume_url` as its callback; Canvelete's callback wakes the step, which reads the
 *   render again through the authenticated API (the callback is a wake-up, not data); without a
 *   callback the rerun timer wakes it and it polls every POLL_INTERVAL_MS, at most MAX_POLLS times.
 * - test mode (`$.context.JIT`), where rerun cancels the execution: create, then poll within
 *   `$.context.deadline`.
 * The render is created on the first run only, with an Idempotency-Key derived from the execution,
 * so a platform retry of the same execution never renders twice.
 */

/** The Idempotency-Key for one unit of work of this execution (`undefined` outside a workflow). */
export function runIdempotencyKey($, scope, input) {
  const executionId = $?.context?.id;
  if (!executionId) return undefined;
  return idempotencyKeyFor('pipedream', executionId, scope, JSON.stringify(input));
}

export function canRerun($) {
  return typeof $?.flow?.rerun === 'function' && Boolean($?.context?.run) && !$?.context?.JIT;
}

/** True on a rerun of a step that paused to wait (run 2 and later). */
export function isResuming($) {
  return canRerun($) && $.context.run.runs > 1;
}

/** The epoch ms to stop polling at: the workflow's deadline less time to write outputs. */
export function pollDeadline($) {
  const deadline = $?.context?.deadline;
  return typeof deadline === 'number' ? deadline - DEADLINE_MARGIN_MS : Date.now() + 25_000;
}

function idFromCallback(callbackRequest, secrets) {
  if (!callbackRequest) return undefined;
  const body = callbackRequest.body ?? callbackRequest;
  try {
    const event =
      secrets.length > 0 && typeof callbackRequest.bodyRaw === 'string'
        ? verifyWebhook({
            payload: callbackRequest.bodyRaw,
            headers: callbackRequest.headers ?? {},
            secrets,
          })
        : normalizeWebhookEvent(body);
    return normalizeRender(event.data).id;
  } catch (error) {
    // Not a (verifiable) Canvelete event: treat it as a bare wake-up and find the render ourselves.
    console.log(
      `Ignoring the callback's content: ${error instanceof Error ? error.message : String(error)}`,
    );
    return undefined;
  }
}

/** How far back in the history to look for this step's render when no callback named it. */
const LOOKUP_LIMIT = 150;

async function findByReference(client, reference) {
  if (!reference) return undefined;
  let seen = 0;
  for await (const render of client.renders.iterate({ limit: 50 })) {
    if (render.reference === reference) return render;
    if (++seen >= LOOKUP_LIMIT) break;
  }
  return undefined;
}

function failed(render) {
  return new CanveleteError({
    code: 'RENDER_FAILED',
    message: `Render ${render.id} failed${render.error ? `: ${render.error}` : ''}. Check the design and the dynamic data, then retry.`,
    details: { renderId: render.id },
  });
}

/**
 * @param {{ $: any, client: any, input?: any, scope: string, secrets?: string[], carry?: object }} options
 * Starts or continues the wait. Resolves to `{ render, context }` once completed (`context` holds
 * what run 1 passed as `carry`), or `{ pending }` when the step is paused for a rerun (the action
 * then returns nothing yet).
 */
export async function renderWithWait({ $, client, input, scope, secrets = [], carry = {} }) {
  if (!canRerun($)) {
    const started = await client.renders.createAsync(input, {
      idempotencyKey: runIdempotencyKey($, scope, input),
    });
    if (started.status === 'completed') return { render: started, context: carry };
    return {
      render: await client.renders.wait(started.id, { deadline: pollDeadline($) }),
      context: carry,
    };
  }
  const { run } = $.context;
  if (run.runs === 1) {
    const context = { ...carry, reference: input.reference, designId: input.designId };
    const { resume_url: resumeUrl } = $.flow.rerun(CALLBACK_WAIT_MS, context, MAX_RERUNS);
    let started;
    try {
      started = await client.renders.createAsync(
        { ...input, callbackUrl: resumeUrl },
        { idempotencyKey: runIdempotencyKey($, scope, input) },
      );
    } catch (error) {
      // A retry of this run: same key, but a new resume URL in the body. The render of the first
      // attempt exists; wait for it (its callback goes to the old URL, so polling finds it).
      const earlier =
        CanveleteError.isInstance(error) && error.code === 'CONFLICT'
          ? await findByReference(client, input.reference)
          : undefined;
      if (!earlier) throw error;
      started = earlier;
    }
    $.export('$summary', `Started render ${started.id}; waiting for Canvelete to call back`);
    return { pending: started };
  }
  const context = run.context ?? {};
  let render;
  const candidate = idFromCallback(run.callback_request, secrets) ?? context.renderId;
  if (candidate) {
    render = await client.renders.retrieve(candidate);
    // A callback naming someone else's render (or a forged one) must not become this step's result.
    if (context.reference && render.reference !== context.reference) render = undefined;
  }
  render ??= await findByReference(client, context.reference);
  if (!render) {
    throw new Error(
      `Could not find the render this step started (reference "${context.reference}"). Check the render history in Canvelete.`,
    );
  }
  if (render.status !== 'completed' && render.status !== 'failed' && candidate !== render.id) {
    render = await client.renders.retrieve(render.id);
  }
  if (render.status === 'completed') return { render, context };
  if (render.status === 'failed') throw failed(render);
  const polls = (context.polls ?? 0) + 1;
  if (polls > MAX_POLLS) {
    throw new CanveleteError({
      code: 'TIMEOUT',
      message: `Render ${render.id} is still ${render.status} after ${MAX_POLLS} checks. Use "Get Render" with this id to fetch it later.`,
      details: { renderId: render.id },
    });
  }
  $.flow.rerun(POLL_INTERVAL_MS, { ...context, renderId: render.id, polls }, MAX_RERUNS);
  $.export('$summary', `Render ${render.id} is ${render.status}; checking again soon`);
  return { pending: render };
}
