import type {
  ExecutionStatus,
  INodeExecutionData,
  IRun,
  IRunExecutionData,
  IWebhookResponseData,
  Workflow,
} from 'n8n-workflow';
import type { HarnessHttpResponse } from './additional-data.ts';

/** One finished (or waiting) execution, with readers for what tests look at. */
export class HarnessRun {
  constructor(
    readonly workflow: Workflow,
    readonly run: IRun,
    readonly executionId: string,
    readonly statuses: ExecutionStatus[],
  ) {}

  get status(): ExecutionStatus {
    return this.run.status;
  }

  get data(): IRunExecutionData {
    return this.run.data;
  }

  /** The items a node emitted on `outputIndex` in its last run (empty if it did not run). */
  output(nodeName: string, outputIndex = 0): INodeExecutionData[] {
    const runs = this.run.data.resultData.runData[nodeName];
    return runs?.at(-1)?.data?.main?.[outputIndex] ?? [];
  }

  /** The error a node ended with in its last run, if any. */
  nodeError(nodeName: string) {
    return this.run.data.resultData.runData[nodeName]?.at(-1)?.error;
  }

  /** The execution-level error (a node that threw without continueOnFail). */
  get error() {
    return this.run.data.resultData.error;
  }

  /** Values a node stored with `this.customData.set` (kept in the run's result metadata). */
  get customData(): Record<string, string> {
    return this.run.data.resultData.metadata ?? {};
  }
}

export interface WebhookCallResult {
  response: IWebhookResponseData;
  /** What the node wrote on the HTTP response itself (status 200 when it did not touch it). */
  http: HarnessHttpResponse;
}
