// The Pipedream driver: the real `.mjs` components (render-design, render-many,
// new-render-completed) in the emulated Pipedream runtime of ../pipedream, against a Canvelete
// API over loopback. The components directory comes from the caller: @canvelete/testing must
// not depend on @canvelete/pipedream (it depends on us).

import { type PipedreamDriverOptions, PipedreamSession } from './pipedream-session.ts';
import { type OpenTrigger, openInstantTrigger } from './pipedream-trigger.ts';
import type {
  ConnectorDriver,
  DriverRenderResult,
  DriverTriggerFilter,
  RenderSource,
} from './types.ts';
import { DriverFailure } from './types.ts';

export type { PipedreamDriverOptions } from './pipedream-session.ts';

export async function createPipedreamDriver(
  options: PipedreamDriverOptions,
): Promise<ConnectorDriver> {
  const session = await PipedreamSession.start(options);
  const triggers: OpenTrigger[] = [];
  return {
    platform: 'pipedream',
    label: 'Pipedream (emulated runtime)',
    async fields(source: RenderSource) {
      const { fields } = await session.logged(() => session.designStep(source));
      return fields.map(({ key, kind, required }) => ({ key, kind, required }));
    },
    render: (request) => session.render(request),
    renderMany: (requests) => session.renderMany(requests),
    async instantTrigger(filter?: DriverTriggerFilter) {
      if (!session.callbacks) {
        const message =
          'Canvelete cannot reach this Pipedream endpoint from here: use the "New Render" polling source instead.';
        session.transcript.add(message);
        throw new DriverFailure({ kind: 'Unavailable', message, raw: undefined });
      }
      const trigger = await openInstantTrigger(
        {
          harness: session.harness,
          sourcePath: session.path('sources/new-render-completed/new-render-completed.mjs'),
          auth: session.auth,
          dashboardSecret: options.credentials.webhookSecret,
          transcript: session.transcript,
        },
        filter,
      );
      triggers.push(trigger);
      return trigger;
    },
    transcript: () => session.transcript.text(),
    async close() {
      for (const trigger of triggers) {
        if (!trigger.closed) await trigger.close().catch(() => undefined);
      }
      await session.harness.close();
    },
  };
}

export interface ScheduledRenderOptions {
  /** What to render on each tick: the design or template and its options (`data` comes from below). */
  source: DriverRenderRequest;
  /** The render step's field values for one tick, from the timer event `{ timestamp }`. */
  data: (tick: { timestamp: number; interval_seconds: number }) => DriverRenderRequest['data'];
  /** The tick times (epoch ms) to fire, in order. Default: one tick now. */
  ticks?: number[];
  intervalSeconds?: number;
}

type DriverRenderRequest = Parameters<ConnectorDriver['render']>[0];

export interface ScheduledRenderRun {
  tick: { timestamp: number; interval_seconds: number };
  result: DriverRenderResult;
}

/**
 * A Pipedream "Schedule" workflow: a `$.interface.timer` source (the built-in schedule trigger,
 * which has no component of ours, so a minimal one stands in) whose events each run the
 * render-design step. For the demo; not part of ConnectorDriver.
 */
export async function runScheduledRender(
  options: PipedreamDriverOptions,
  schedule: ScheduledRenderOptions,
): Promise<{ runs: ScheduledRenderRun[]; transcript: string }> {
  const session = await PipedreamSession.start(options);
  try {
    const timer = await session.harness.source({
      key: 'schedule',
      type: 'source',
      version: '0.0.1',
      props: {
        timer: {
          type: '$.interface.timer',
          default: { intervalSeconds: schedule.intervalSeconds ?? 3600 },
        },
      },
      run(this: { $emit(event: unknown, meta: object): void }, event: unknown) {
        this.$emit(event, { summary: 'Scheduled run' });
      },
    });
    const runs: ScheduledRenderRun[] = [];
    for (const at of schedule.ticks ?? [Date.now()]) {
      for (const { event } of await timer.runTimer(at)) {
        const tick = event as ScheduledRenderRun['tick'];
        session.transcript.json('Schedule event', tick);
        const result = await session.render({ ...schedule.source, data: schedule.data(tick) });
        runs.push({ tick, result });
      }
    }
    return { runs, transcript: session.transcript.text() };
  } finally {
    await session.harness.close();
  }
}
