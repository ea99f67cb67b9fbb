/** A verified Canvelete webhook, normalised from either envelope Canvelete has published. */
export interface WebhookEvent<T = unknown> {
  /** The event id (`evt_…`), stable across redeliveries: deduplicate on it. */
  id: string;
  /** The event type, e.g. `render.completed`. */
  type: string;
  /** When the event happened, as an ISO-8601 string. */
  createdAt: string;
  data: T;
}

/** The three signature forms Canvelete has published (see ARCHITECTURE, webhook signatures). */
export type WebhookSignatureScheme = 'v1' | 'sha256' | 'hex';

/** Either a Fetch `Headers` or a plain record (Node, Zapier, n8n, Pipedream all differ). */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

/** Why a webhook failed to verify; found in `error.details.reason`. */
export type WebhookFailureReason =
  | 'MISSING_SIGNATURE'
  | 'MALFORMED_SIGNATURE'
  | 'MISSING_TIMESTAMP'
  | 'TIMESTAMP_OUT_OF_TOLERANCE'
  | 'NO_MATCHING_SIGNATURE'
  | 'INVALID_PAYLOAD_TYPE'
  | 'NO_SECRET'
  | 'INVALID_JSON';

export interface VerifyWebhookSignatureInput {
  /** The raw request body exactly as received: a string or bytes (a Buffer is a Uint8Array). */
  payload: string | Uint8Array;
  headers: WebhookHeaders;
  secret?: string;
  /** Several secrets while rotating: a signature made with any of them is accepted. */
  secrets?: string[];
  /** Allowed clock difference in either direction, default 300. `Infinity` skips the check. */
  toleranceSeconds?: number;
  /** Epoch milliseconds, default `Date.now`. */
  now?: () => number;
}

export interface VerifyWebhookInput extends VerifyWebhookSignatureInput {}

export interface VerifiedSignature {
  scheme: WebhookSignatureScheme;
  /**
   * The signed unix timestamp (seconds), when the scheme signs one. Absent for `sha256=` and for bare
   * hex without `X-Canvelete-Timestamp`: those forms carry no replay protection.
   */
  timestamp?: number;
}

export interface SignWebhookInput {
  payload: string | Uint8Array;
  secret: string;
  /** Unix seconds; default `now()`. Ignored by the `sha256` scheme, which signs no timestamp. */
  timestamp?: number;
  /** Default `v1` (`t=<unix>,v1=<hex>`), the form the sandbox sends. */
  scheme?: WebhookSignatureScheme;
  /** Epoch milliseconds, default `Date.now`; used only when `timestamp` is omitted. */
  now?: () => number;
}
