// One interface over the three connectors, each driven in its own runtime (Zapier's app handler,
// n8n's engine, the Pipedream harness). The contract suite and the demo are written against it, so
// a fourth platform means a fourth driver, not new scenarios.
import type { FieldKind, RenderFormat } from '@canvelete/core';

export type DriverPlatform = 'zapier' | 'n8n' | 'pipedream';

/** The account a driver connects with, as the user would enter it on the platform. */
export interface DriverCredentials {
  apiKey: string;
  baseUrl: string;
  /** The signing secret from Canvelete's dashboard, where the platform's connection has a field for it. */
  webhookSecret?: string;
}

export interface DriverOptions {
  credentials: DriverCredentials;
  /**
   * False when Canvelete cannot call back into this machine (a real account): renders then wait by
   * polling and the instant trigger is unavailable. Default true (the sandbox on loopback).
   */
  callbacks?: boolean;
}

/** A dynamic field as the platform shows it, mapped back to Canvelete's key and kind. */
export interface DriverField {
  key: string;
  kind: FieldKind;
  required: boolean;
}

export type RenderSource = { designId: string } | { templateId: string };

export type DriverRenderRequest = RenderSource & {
  format?: RenderFormat;
  quality?: number;
  scale?: number;
  width?: number;
  height?: number;
  /** Values for the dynamic fields, by Canvelete key. */
  data?: Record<string, string | number | boolean>;
  reference?: string;
};

/** The keys every adapter promises on a finished render, whatever its own output shape. */
export interface NormalizedRenderOutput {
  id: string;
  status: string;
  format?: string;
  width?: number;
  height?: number;
  designId?: string;
  templateId?: string;
  reference?: string;
  url?: string;
}

export interface DriverFile {
  bytes: Uint8Array;
  contentType: string;
  fileName: string;
}

export interface DriverRenderResult {
  /** The step's output exactly as the platform hands it to the next step. */
  raw: unknown;
  output: NormalizedRenderOutput;
  /** The file the platform attached (stashed file, binary property, /tmp file). */
  file?: DriverFile;
  /** How the step waited for the render to finish. */
  waited: 'callback' | 'poll' | 'sync';
}

/** An HTTP request as it reached (or would reach) a trigger's URL. */
export interface DriverDelivery {
  body: string;
  headers: Record<string, string>;
}

/** An event that started a workflow run, reduced to what every adapter promises. */
export interface NormalizedTriggerEvent {
  eventId?: string;
  eventType?: string;
  renderId: string;
  status?: string;
  reference?: string;
}

export interface DriverDeliveryOutcome {
  /** True when the platform took the request (2xx or its equivalent) rather than refusing it. */
  accepted: boolean;
  /** The HTTP status the platform answered, where it answers one. */
  status?: number;
  /** The runs it started: none for a refused, duplicate or filtered-out delivery. */
  events: NormalizedTriggerEvent[];
  /** For a refused delivery: the error the platform answered or recorded. */
  refusal?: DriverErrorView;
}

export interface DriverTriggerFilter {
  /** Canvelete event types, e.g. `render.completed`. Default: render.completed. */
  events?: string[];
  reference?: string;
}

/** An activated instant (webhook) trigger. */
export interface DriverTrigger {
  /**
   * `subscribed`: the trigger registered its URL through the subscription API.
   * `manual`: the API is missing (NOT_SUPPORTED) and the user must paste `url` into Canvelete.
   */
  readonly mode: 'subscribed' | 'manual';
  /** Where Canvelete delivers to. */
  readonly url: string;
  /** The secret the trigger verifies with, read from where the platform stored it (tests only). */
  readonly signingSecret: string | undefined;
  /** What the platform told the user on activation (notice, log line, error), if anything. */
  readonly notice: string | undefined;
  /** Waits for Canvelete's next delivery to `url`. */
  nextDelivery(timeoutMs?: number): Promise<DriverDelivery>;
  /** Hands a delivery to the trigger exactly as the platform would. */
  deliver(delivery: DriverDelivery): Promise<DriverDeliveryOutcome>;
  /** Deactivates (unsubscribes). */
  close(): Promise<void>;
}

/** The platform-native error a user sees, as a driver reads it. */
export interface DriverErrorView {
  /** The platform's error class, e.g. `ExpiredAuthError`, `NodeApiError`, `ConfigurationError`. */
  kind: string;
  message: string;
  /** The Canvelete code, where the platform error carries it. */
  code?: string;
  /** The platform's own error code, where it has one (Zapier's `z.errors.Error` code). */
  platformCode?: string;
  /** The HTTP status the platform reports, where it reports one. */
  httpStatus?: number;
  /** Where the platform shows the error: a step error, an activation error, a refused request. */
  raw: unknown;
}

/** Thrown by a driver operation that the platform failed; `view` is what the user saw. */
export class DriverFailure extends Error {
  override name = 'DriverFailure';
  constructor(readonly view: DriverErrorView) {
    super(`${view.kind}: ${view.message}`);
  }
}

export interface ConnectorDriver {
  readonly platform: DriverPlatform;
  /** A short label for tables, e.g. "Zapier (app handler)". */
  readonly label: string;
  /** The dynamic fields the platform's render action shows for a design or template. */
  fields(source: RenderSource): Promise<DriverField[]>;
  /** Renders through the platform's render action, waiting the platform's native way. */
  render(request: DriverRenderRequest): Promise<DriverRenderResult>;
  /** Renders many through the platform's bulk action, one result per request, in order. */
  renderMany(requests: DriverRenderRequest[]): Promise<DriverRenderResult[]>;
  /** Activates the platform's instant trigger for finished renders. */
  instantTrigger(filter?: DriverTriggerFilter): Promise<DriverTrigger>;
  /**
   * Everything the platform printed, logged or stored while this driver ran (logs, step outputs,
   * error texts, notices), for the secret-leak sweep.
   */
  transcript(): string;
  close(): Promise<void>;
}
