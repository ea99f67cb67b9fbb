// The instant trigger on Pipedream: the `new-render-completed` source deployed in the emulated
// runtime (deploy + activate hooks subscribe its `$.interface.http` endpoint; deactivate
// unsubscribes). Canvelete's real deliveries to that endpoint are held in a mailbox instead of
// being run, so the caller decides when the source's `run` sees them (like a fake hook URL).
import {
  type HttpEvent,
  type LogLine,
  loadComponent,
  type PipedreamHarness,
} from '../pipedream/index.ts';
import { failure, type Transcript } from './pipedream-support.ts';
import {
  type DriverDelivery,
  type DriverDeliveryOutcome,
  type DriverErrorView,
  DriverFailure,
  type DriverTrigger,
  type DriverTriggerFilter,
  type NormalizedTriggerEvent,
} from './types.ts';

/** A query parameter that marks a request as handed over by `deliver()` (stripped before `run`). */
const HANDED_OVER = 'canvelete-driver-deliver';

/** Headers that belong to one HTTP hop, not to the delivery. */
const HOP_HEADERS = new Set(['host', 'content-length', 'connection', 'transfer-encoding']);

class Mailbox {
  private readonly held: DriverDelivery[] = [];
  private readonly waiters: Array<(delivery: DriverDelivery) => void> = [];

  push(delivery: DriverDelivery): void {
    const waiter = this.waiters.shift();
    if (waiter) waiter(delivery);
    else this.held.push(delivery);
  }

  next(timeoutMs: number): Promise<DriverDelivery> {
    const held = this.held.shift();
    if (held) return Promise.resolve(held);
    return new Promise((resolve, reject) => {
      const take = (delivery: DriverDelivery) => {
        clearTimeout(timer);
        resolve(delivery);
      };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(take), 1);
        reject(
          new DriverFailure({
            kind: 'TimeoutError',
            message: `No delivery reached the source's endpoint within ${timeoutMs} ms`,
            raw: undefined,
          }),
        );
      }, timeoutMs);
      this.waiters.push(take);
    });
  }
}

function normalizeEvent(emitted: unknown): NormalizedTriggerEvent {
  const event = (emitted ?? {}) as {
    id?: string;
    type?: string;
    data?: Record<string, unknown>;
    render?: Record<string, unknown>;
  };
  const render = event.render ?? {};
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const result: NormalizedTriggerEvent = {
    renderId: String(render.id ?? event.data?.renderId ?? ''),
  };
  const optional = {
    eventId: text(event.id),
    eventType: text(event.type),
    status: text(render.status ?? event.data?.status),
    reference: text(render.reference ?? event.data?.reference),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) (result as unknown as Record<string, unknown>)[key] = value;
  }
  return result;
}

export interface TriggerContext {
  harness: PipedreamHarness;
  sourcePath: string;
  auth: Record<string, Record<string, unknown>>;
  /** What the user pastes into the source's Signing Secret when the source must be set up by hand. */
  dashboardSecret: string | undefined;
  transcript: Transcript;
}

export interface OpenTrigger extends DriverTrigger {
  readonly closed: boolean;
}

export async function openInstantTrigger(
  context: TriggerContext,
  filter: DriverTriggerFilter = {},
): Promise<OpenTrigger> {
  const { harness, transcript } = context;
  const component = await loadComponent(context.sourcePath);
  const mailbox = new Mailbox();
  const recording = {
    ...component,
    run(this: { http: { respond(r: unknown): void } }, event: HttpEvent) {
      const query = { ...(event?.query ?? {}) };
      if (HANDED_OVER in query) {
        delete query[HANDED_OVER];
        return component.run.call(this, { ...event, query });
      }
      mailbox.push({ body: event.bodyRaw, headers: { ...event.headers } });
      this.http.respond({ status: 200, body: { received: true } });
      return undefined;
    },
  };
  const props: Record<string, unknown> = {};
  if (filter.events?.length) props.events = filter.events;
  if (filter.reference) props.reference = filter.reference;
  const source = await harness.source(recording, { auth: context.auth, props });
  transcript.follow(() => source.logs);
  try {
    await source.deploy();
  } catch (error) {
    transcript.add(`Activation failed: ${error instanceof Error ? error.message : String(error)}`);
    await source.delete().catch(() => undefined);
    throw failure(error, { stage: 'activate', error });
  }
  const subscription = source.db.get('subscription') as { id?: string; secret?: string } | null;
  const mode = subscription?.id ? 'subscribed' : 'manual';
  const notice = mode === 'manual' ? activationNotice(source.logs, source.endpoint) : undefined;
  if (mode === 'manual' && context.dashboardSecret) {
    // What the log asks the user to do: paste the dashboard webhook's secret into the source's
    // Signing Secret. Updating a source re-runs deactivate + activate.
    await source.update({ signingSecret: context.dashboardSecret });
  }
  const signingSecret =
    mode === 'subscribed'
      ? (subscription?.secret ?? undefined)
      : ((source.values.signingSecret as string | undefined) ??
        (context.auth.canvelete?.signing_secret as string | undefined));
  let closed = false;

  return {
    mode,
    url: source.endpoint,
    signingSecret,
    notice,
    get closed() {
      return closed;
    },
    nextDelivery: (timeoutMs = 10_000) => mailbox.next(timeoutMs),
    async deliver(delivery: DriverDelivery): Promise<DriverDeliveryOutcome> {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(delivery.headers)) {
        if (!HOP_HEADERS.has(name.toLowerCase())) headers[name.toLowerCase()] = value;
      }
      headers['content-type'] ??= 'application/json';
      const before = source.emitted.length;
      const url = new URL(source.endpoint);
      url.searchParams.set(HANDED_OVER, '1');
      const response = await fetch(url, { method: 'POST', headers, body: delivery.body });
      const answer = await response.text();
      transcript.add(`Endpoint answered ${response.status}: ${answer}`);
      const emitted = source.emitted.slice(before);
      for (const { event, meta } of emitted) {
        transcript.add(meta.summary);
        transcript.json('Emitted', event);
      }
      return {
        accepted: response.ok,
        status: response.status,
        events: emitted.map(({ event }) => normalizeEvent(event)),
        ...(response.ok ? {} : { refusal: refusalOf(response.status, answer) }),
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await source.delete();
      } catch (error) {
        transcript.add(`Deactivation failed: ${error instanceof Error ? error.message : ''}`);
        throw failure(error, { stage: 'deactivate', error });
      }
    },
  };
}

/** The log line that tells the user where to point Canvelete's dashboard webhook. */
function activationNotice(logs: LogLine[], endpoint: string): string | undefined {
  const lines = logs.map((line) => line.message);
  return lines.find((line) => line.includes(endpoint)) ?? lines.at(-1);
}

/** The answer the source's `http.respond()` gave a refused request (its body names the reason). */
function refusalOf(status: number, answer: string): DriverErrorView {
  let message = answer;
  try {
    const body = JSON.parse(answer) as { error?: string; reason?: string };
    message = [body.error, body.reason && `(${body.reason})`].filter(Boolean).join(' ') || answer;
  } catch {
    // not JSON: the text is the message
  }
  return { kind: 'Refused', message, httpStatus: status, raw: { status, body: answer } };
}
