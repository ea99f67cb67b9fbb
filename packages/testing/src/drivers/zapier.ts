// The Zapier driver: Canvelete's Zapier app (passed in by the caller: packages/testing must not
// depend on the adapter) run by zapier-platform-core's production Lambda handler, with Zapier's
// services (RPC for z.cache and z.stashFile, file storage, hook and callback URLs) faked on loopback.
import { randomUUID } from 'node:crypto';
import { normalizeRenderOutput } from './normalize.ts';
import {
  type ConnectorDriver,
  DriverFailure,
  type DriverOptions,
  type DriverRenderRequest,
  type DriverRenderResult,
  type DriverTrigger,
  type RenderSource,
} from './types.ts';
import {
  dataInput,
  driverFieldsOf,
  optionInput,
  sourceInput,
  type ZapierInputField,
} from './zapier-fields.ts';
import { hydratedFile, stashedFile } from './zapier-output.ts';
import { startZapierSession, type ZapierSession } from './zapier-session.ts';
import { subscribeZapierTrigger } from './zapier-trigger.ts';

export type ZapierDriverOptions = DriverOptions & {
  /** The app definition: the default export of `@canvelete/zapier`. */
  app: object;
};

const RENDER = 'creates.render_design.operation';
const RENDER_MANY = 'creates.render_many.operation';

/** How long a step waits for Canvelete's callback before the driver gives up (a harness limit). */
const CALLBACK_TIMEOUT_MS = 30_000;

type Output = Record<string, unknown>;
type BatchOutput = Output & { results?: Output[] };

/** The bundle Zapier builds for performResume when the callback URL receives a POST. */
async function resumeAfterCallback<T>(
  session: ZapierSession,
  operation: string,
  inputData: Record<string, unknown>,
): Promise<T> {
  const { fake } = session.runtime;
  const name = `${operation}-${randomUUID()}`;
  const run = { callbackUrl: fake.callbackUrl(name), storeKey: `zap-${randomUUID()}` };
  const started = await session.run<Output>(`${operation}.perform`, { inputData }, run);
  const [callback] = await fake.waitForDeliveries(name, 1, CALLBACK_TIMEOUT_MS);
  if (!callback) throw new Error(`no callback reached ${run.callbackUrl}`);
  return session.run<T>(
    `${operation}.performResume`,
    {
      inputData,
      outputData: started,
      rawRequest: callback.rawRequest,
      cleanedRequest: callback.cleanedRequest,
    },
    run,
  );
}

/** The output options a render_many step shares across its rows. */
function stepKey(request: DriverRenderRequest): string {
  return JSON.stringify([sourceInput(request), optionInput(request)]);
}

export async function createZapierDriver(options: ZapierDriverOptions): Promise<ConnectorDriver> {
  const session = await startZapierSession(options.app, options.credentials);
  const callbacks = options.callbacks !== false;
  const triggers = new Set<DriverTrigger>();

  /** What the Zap editor shows once the design or template is chosen. */
  const inputFields = (operation: string, source: RenderSource) =>
    session.run<ZapierInputField[]>(`${operation}.inputFields`, {
      inputData: sourceInput(source),
    });

  async function renderOne(request: DriverRenderRequest): Promise<DriverRenderResult> {
    const inputData = {
      ...sourceInput(request),
      ...optionInput(request),
      ...dataInput(request.data),
      ...(request.reference !== undefined ? { reference: request.reference } : {}),
    };
    // Without a callback the app's only path is the one the Zap editor uses for a sample: start
    // the render and poll it within the step.
    const raw = callbacks
      ? await resumeAfterCallback<Output>(session, RENDER, inputData)
      : await session.run<Output>(`${RENDER}.perform`, {
          inputData,
          meta: { isLoadingSample: true },
        });
    return {
      raw,
      output: normalizeRenderOutput(raw),
      file: stashedFile(session, raw['file']),
      waited: callbacks ? 'callback' : 'poll',
    };
  }

  /** One render_many step: the rows share the design and output options, as in the editor. */
  async function renderStep(requests: DriverRenderRequest[]): Promise<DriverRenderResult[]> {
    const first = requests[0];
    if (!first) return [];
    const inputData = {
      ...sourceInput(first),
      ...optionInput(first),
      items: requests.map((request) => ({
        ...dataInput(request.data),
        ...(request.reference !== undefined ? { reference: request.reference } : {}),
      })),
    };
    const batch = callbacks
      ? await resumeAfterCallback<BatchOutput>(session, RENDER_MANY, inputData)
      : await session.run<BatchOutput>(`${RENDER_MANY}.perform`, {
          inputData,
          meta: { isLoadingSample: true },
        });
    const rows = batch.results ?? [];
    if (rows.length !== requests.length) {
      throw new Error(`render_many returned ${rows.length} rows for ${requests.length} requests`);
    }
    const results: DriverRenderResult[] = [];
    for (const row of rows) {
      results.push({
        raw: row,
        output: normalizeRenderOutput(row),
        // Rows carry dehydrated files: Zapier hydrates one when a later step uses it.
        file: row['file'] ? await hydratedFile(session, row['file']) : undefined,
        waited: callbacks ? 'callback' : 'poll',
      });
    }
    return results;
  }

  return {
    platform: 'zapier',
    label: 'Zapier (app handler)',

    async fields(source) {
      return driverFieldsOf(await inputFields(RENDER, source));
    },

    render: renderOne,

    async renderMany(requests) {
      // A render_many step renders one design with one set of options; requests that differ go
      // to consecutive steps, so results still come back one per request, in order.
      const results: DriverRenderResult[] = [];
      let group: DriverRenderRequest[] = [];
      for (const request of requests) {
        if (group.length > 0 && stepKey(group[0] as DriverRenderRequest) !== stepKey(request)) {
          results.push(...(await renderStep(group)));
          group = [];
        }
        group.push(request);
      }
      results.push(...(await renderStep(group)));
      return results;
    },

    async instantTrigger(filter = {}) {
      if (!callbacks) {
        const message =
          'Canvelete cannot reach this machine, so the instant "Render Completed" trigger cannot receive deliveries. Use the "New Render (Polling)" trigger instead.';
        session.note(`[notice] ${message}`);
        throw new DriverFailure({ kind: 'Unavailable', message, raw: undefined });
      }
      const trigger = await subscribeZapierTrigger(session, filter);
      triggers.add(trigger);
      return {
        ...trigger,
        close: async () => {
          triggers.delete(trigger);
          await trigger.close();
        },
      };
    },

    transcript: () => session.transcript(),

    async close() {
      for (const trigger of [...triggers]) {
        triggers.delete(trigger);
        await trigger.close().catch(() => undefined);
      }
      await session.runtime.close();
    },
  };
}
