import { randomUUID } from 'node:crypto';
import { ComponentHandle, type ComponentSetup } from './component-handle.ts';
import type { HarnessEnvironment } from './environment.ts';
import { cloneJson } from './json.ts';
import {
  createStepContext,
  FlowCanceled,
  FlowExit,
  type RerunRequest,
  type StepRecord,
} from './step-context.ts';
import type { ComponentDefinition, HttpEvent, HttpResponseSpec } from './types.ts';

export type ActionStatus = 'success' | 'exited' | 'suspended' | 'canceled' | 'error' | 'timeout';

export interface ActionResult {
  status: ActionStatus;
  /** `$.context.run.runs` of the run this result belongs to (1 for the first). */
  runs: number;
  /** `steps.<name>.$return_value`, JSON-cloned as the platform stores it. */
  returnValue?: unknown;
  exports: Record<string, unknown>;
  summary?: string;
  error?: unknown;
  exitReason?: string;
  cancelMessage?: string;
  rerun?: RerunRequest;
  rerunRefused?: boolean;
  responses: HttpResponseSpec[];
  sent: StepRecord['sent'];
}

export interface RunOptions {
  /** Test mode (`$.context.JIT`): `$.flow.rerun` / `suspend` cancel the execution. */
  test?: boolean;
  /** The workflow's timeout; `$.context.deadline` = start of the run + this. Default 30 s. */
  timeoutSeconds?: number;
  /** Keep the execution id of an earlier run (a platform retry of the same execution). */
  executionId?: string;
  /**
   * `drop`: requests to this execution's `resume_url` fail (503) and wake nothing, as when a
   * callback never reaches Pipedream; only the rerun delay wakes the step.
   */
  callbacks?: 'deliver' | 'drop';
}

type Wake = { kind: 'callback'; event: HttpEvent } | { kind: 'timer' } | { kind: 'cancel' };

/** One workflow execution of one action step, across its reruns. */
export class ActionExecution {
  readonly executionId: string;
  readonly results: ActionResult[] = [];
  /** One entry per pause, in order: the result of the run that follows it. */
  private readonly upcoming: Array<Promise<ActionResult>> = [];
  private wakeNow: (() => void) | undefined;

  constructor(
    private readonly handle: ActionHandle,
    private readonly env: HarnessEnvironment,
    private readonly options: RunOptions,
  ) {
    this.executionId = options.executionId ?? `e_${randomUUID().replaceAll('-', '')}`;
  }

  start(): Promise<ActionResult> {
    return this.runOnce(1, undefined, undefined, undefined);
  }

  /** The next run after a `$.flow.rerun`: woken by a request to `resume_url` or by the delay. */
  next(): Promise<ActionResult> {
    const upcoming = this.upcoming.shift();
    if (!upcoming) throw new Error('The step is not waiting for a rerun');
    return upcoming;
  }

  /** Lets the rerun delay pass now (as if the timer fired) and returns that run's result. */
  elapse(): Promise<ActionResult> {
    this.wakeNow?.();
    return this.next();
  }

  private async runOnce(
    runs: number,
    rerunContext: unknown,
    callbackRequest: HttpEvent | undefined,
    maxRetries: number | undefined,
  ): Promise<ActionResult> {
    const timeoutMs = (this.options.timeoutSeconds ?? 30) * 1000;
    const deadline = Date.now() + timeoutMs;
    const { $, record } = createStepContext({
      executionId: this.executionId,
      workflowId: this.env.workflowId,
      test: this.options.test === true,
      deadline,
      runs,
      rerunContext,
      callbackRequest,
      maxRetriesSoFar: maxRetries,
      resumeUrlFor: (token) => this.env.rerunUrls(token, this.options.callbacks === 'drop'),
    });
    const result = await this.env.withStashDir(() =>
      raceDeadline(this.handle.invokeRun({ $, steps: {} }), timeoutMs),
    );
    const base = {
      runs,
      exports: record.exports,
      summary: record.exports.$summary as string | undefined,
      responses: record.responses,
      sent: record.sent,
      ...(record.rerunRefused ? { rerunRefused: true } : {}),
    };
    let outcome: ActionResult;
    if (result.kind === 'timeout') outcome = { ...base, status: 'timeout' };
    else if (result.kind === 'error' && result.error instanceof FlowExit) {
      outcome = { ...base, status: 'exited', exitReason: result.error.reason };
    } else if (result.kind === 'error' && result.error instanceof FlowCanceled) {
      outcome = { ...base, status: 'canceled', cancelMessage: result.error.message };
    } else if (result.kind === 'error') outcome = { ...base, status: 'error', error: result.error };
    else if (record.rerun) outcome = { ...base, status: 'suspended', rerun: record.rerun };
    else {
      outcome = {
        ...base,
        status: 'success',
        returnValue: cloneJson(result.value, 'The return value'),
      };
    }
    this.results.push(outcome);
    if (outcome.status === 'suspended' && outcome.rerun) {
      this.arm(
        runs,
        outcome.rerun,
        outcome,
        cloneJson(result.kind === 'value' ? result.value : undefined, 'The return value'),
      );
    }
    return outcome;
  }

  /**
   * `rerun` runs the step again; `suspend` and `delay` do not (rerun.mdx): the workflow goes on
   * after the step, and data sent to a suspended step's `resume_url` becomes its `$resume_data`.
   */
  private arm(runs: number, rerun: RerunRequest, paused: ActionResult, returnValue: unknown): void {
    let wake!: (w: Wake) => void;
    const woke = new Promise<Wake>((resolve) => {
      wake = resolve;
    });
    const timer = setTimeout(() => wake({ kind: 'timer' }), rerun.delayMs);
    timer.unref();
    this.env.awaitRerunCallback(rerun.resumeUrl, rerun.cancelUrl, (w) => wake(w));
    this.wakeNow = () => wake({ kind: 'timer' });
    const upcoming = woke.then((w) => {
      clearTimeout(timer);
      this.env.forgetRerun(rerun.resumeUrl);
      if (w.kind === 'cancel') {
        const canceled: ActionResult = {
          status: 'canceled',
          runs,
          exports: {},
          responses: [],
          sent: [],
          cancelMessage: 'canceled through cancel_url',
        };
        this.results.push(canceled);
        return canceled;
      }
      if (rerun.kind !== 'rerun') {
        const resumed: ActionResult = {
          ...paused,
          status: 'success',
          returnValue,
          rerun: undefined,
          exports: {
            ...paused.exports,
            ...(w.kind === 'callback' ? { $resume_data: w.event.body } : {}),
          },
        };
        this.results.push(resumed);
        return resumed;
      }
      return this.runOnce(
        runs + 1,
        rerun.context,
        w.kind === 'callback' ? w.event : undefined,
        rerun.maxRetries,
      );
    });
    this.upcoming.push(upcoming);
  }
}

type Raced =
  | { kind: 'value'; value: unknown }
  | { kind: 'error'; error: unknown }
  | { kind: 'timeout' };

/** The platform ends a step at the workflow timeout whether or not its promise settled. */
async function raceDeadline(work: Promise<unknown>, timeoutMs: number): Promise<Raced> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Raced>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'timeout' }), timeoutMs);
  });
  try {
    return await Promise.race([
      work.then(
        (value): Raced => ({ kind: 'value', value }),
        (error): Raced => ({ kind: 'error', error }),
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** An action as a workflow step: configure props, load options, run (and rerun). */
export class ActionHandle extends ComponentHandle {
  constructor(
    component: ComponentDefinition,
    setup: ComponentSetup,
    private readonly env: HarnessEnvironment,
  ) {
    super(component, setup);
    if (component.type !== 'action') throw new Error(`${component.key} is not an action`);
  }

  /** A new execution; call `start()` on it, then `next()`/`elapse()` while it reruns. */
  execution(options: RunOptions = {}): ActionExecution {
    return new ActionExecution(this, this.env, options);
  }

  /** Runs one new execution's first run. */
  run(options: RunOptions = {}): Promise<ActionResult> {
    return this.execution(options).start();
  }

  /** @internal the `run({ $, steps })` call with `this` bound as the platform binds it. */
  async invokeRun(arg: { $: unknown; steps: unknown }): Promise<unknown> {
    const missing = this.missingRequired();
    if (missing.length > 0) throw new Error(`Required props not set: ${missing.join(', ')}`);
    const self = this.instance(() => undefined);
    return this.component.run.call(self, arg);
  }
}
