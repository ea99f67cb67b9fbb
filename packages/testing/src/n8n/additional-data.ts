import type { ExecutionLifecycleHooks } from 'n8n-core';
import type { ExecutionStatus, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import type { HarnessCredentialsHelper } from './credentials-helper.ts';

export const HARNESS_BASE_URL = 'http://localhost:5678';

/** What an HTTP request reaching a webhook looks like to n8n-core's WebhookContext. */
export interface HarnessHttpRequest {
  body?: unknown;
  rawBody?: Buffer;
  /** Names are lower-cased on the way in, as Node's HTTP server does. */
  headers?: Record<string, string | string[] | undefined>;
  query?: Record<string, string>;
  params?: Record<string, string>;
  method?: string;
}

/** A recording stand-in for the express response a webhook may answer on itself. */
export class HarnessHttpResponse {
  statusCode = 200;
  body: unknown;
  headers: Record<string, string> = {};
  ended = false;
  status(code: number) {
    this.statusCode = code;
    return this;
  }
  json(body: unknown) {
    this.body = body;
    this.ended = true;
    return this;
  }
  send(body?: unknown) {
    this.body = body;
    this.ended = true;
    return this;
  }
  end(body?: unknown) {
    if (body !== undefined) this.body = body;
    this.ended = true;
    return this;
  }
  setHeader(name: string, value: string) {
    this.headers[name.toLowerCase()] = value;
    return this;
  }
  header(name: string, value: string) {
    return this.setHeader(name, value);
  }
}

function lowerCaseNames(headers: NonNullable<HarnessHttpRequest['headers']>) {
  const result: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) result[name.toLowerCase()] = value;
  }
  return result;
}

export interface AdditionalDataInput {
  executionId: string;
  /** n8n's public base URL (webhook, resume and form URLs hang off it). */
  baseUrl?: string;
  credentialsHelper: HarnessCredentialsHelper;
  hooks?: ExecutionLifecycleHooks;
  httpRequest?: HarnessHttpRequest;
  httpResponse?: HarnessHttpResponse;
  onStatus?: (status: ExecutionStatus) => void;
}

/**
 * n8n's `additionalData`, with just the members the engine reads for a community node. Unknown
 * members answer `undefined` (not a mock function): n8n-core treats a truthy value as a feature
 * switch (e.g. `encryptedRunnerIdentity`) and would take paths the server never takes here.
 */
export function createAdditionalData(input: AdditionalDataInput): IWorkflowExecuteAdditionalData {
  const base = (input.baseUrl ?? HARNESS_BASE_URL).replace(/\/+$/, '');
  const data: Record<string, unknown> = {
    executionId: input.executionId,
    credentialsHelper: input.credentialsHelper,
    hooks: input.hooks,
    currentNodeExecutionIndex: 0,
    variables: {},
    restApiUrl: `${base}/rest`,
    instanceBaseUrl: base,
    webhookBaseUrl: `${base}/webhook`,
    webhookWaitingBaseUrl: `${base}/webhook-waiting`,
    webhookTestBaseUrl: `${base}/webhook-test`,
    formWaitingBaseUrl: `${base}/form-waiting`,
    httpRequest: input.httpRequest && {
      method: 'POST',
      params: {},
      query: {},
      ...input.httpRequest,
      headers: lowerCaseNames(input.httpRequest.headers ?? {}),
    },
    httpResponse: input.httpResponse,
    setExecutionStatus: (status: ExecutionStatus) => input.onStatus?.(status),
    logAiEvent: () => {},
    getRunExecutionData: async () => undefined,
    executeWorkflow: async () => {
      throw new Error('sub-workflows are not supported by the harness');
    },
  };
  return new Proxy(data, {
    get: (target, property) =>
      typeof property === 'string' && property in target ? target[property] : undefined,
  }) as unknown as IWorkflowExecuteAdditionalData;
}
