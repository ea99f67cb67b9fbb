import './env.ts';
import { randomUUID } from 'node:crypto';
import {
  ExecutionLifecycleHooks,
  HookContext,
  LoadOptionsContext,
  PollContext,
  WebhookContext,
  WorkflowExecute,
} from 'n8n-core';
import {
  createRunExecutionData,
  type ExecutionStatus,
  type IDataObject,
  type INode,
  type INodeExecutionData,
  type IRun,
  type IRunExecutionData,
  type IWebhookData,
  type Workflow,
  type WorkflowExecuteMode,
} from 'n8n-workflow';
import {
  createAdditionalData,
  type HarnessHttpRequest,
  HarnessHttpResponse,
} from './additional-data.ts';
import { sendCredentialTest } from './credential-test.ts';
import { type HarnessCredentials, HarnessCredentialsHelper } from './credentials-helper.ts';
import { type LoadedNodePackage, loadNodePackage } from './node-types.ts';
import { HarnessRun, type WebhookCallResult } from './run.ts';
import { buildWorkflow, START_NODE_NAME, toJsonItems, type WorkflowSpec } from './workflow.ts';

export interface N8nHarnessOptions {
  /** The node package folder (its package.json `n8n` block points at dist files). */
  packageDir: string;
  credentials?: HarnessCredentials;
  /** n8n's public base URL; point it at a loopback receiver to catch resume callbacks. */
  baseUrl?: string;
}

/**
 * Runs a community node package in n8n-core's real engine: WorkflowExecute for executions and the
 * node-execution contexts n8n's server builds for list search, resource mapping, webhook
 * lifecycle, webhook calls and polls.
 */
export class N8nHarness {
  private constructor(
    readonly pkg: LoadedNodePackage,
    readonly credentials: HarnessCredentials,
    readonly baseUrl: string | undefined,
  ) {}

  static async create(options: N8nHarnessOptions): Promise<N8nHarness> {
    const pkg = await loadNodePackage(options.packageDir);
    return new N8nHarness(pkg, options.credentials ?? {}, options.baseUrl);
  }

  private credentialsHelper() {
    return new HarnessCredentialsHelper(this.credentials, (name) => {
      try {
        return this.pkg.credentialType(name);
      } catch {
        return undefined;
      }
    });
  }

  additionalData(
    executionId: string,
    extra: Partial<Parameters<typeof createAdditionalData>[0]> = {},
  ) {
    return createAdditionalData({
      executionId,
      baseUrl: this.baseUrl,
      credentialsHelper: this.credentialsHelper(),
      ...extra,
    });
  }

  workflow(spec: WorkflowSpec): Workflow {
    return buildWorkflow(this.pkg, spec, this.credentials);
  }

  node(workflow: Workflow, name: string): INode {
    const node = workflow.getNode(name);
    if (!node) throw new Error(`no node named "${name}" in the harness workflow`);
    return node;
  }

  /** Runs Start → spec.nodes with `input` as Start's items, through WorkflowExecute. */
  async run(
    spec: WorkflowSpec,
    input: Array<IDataObject | INodeExecutionData> = [{}],
    options: {
      mode?: WorkflowExecuteMode;
      startNode?: string;
      /** Reuse an execution id, as n8n does when it retries the same execution. */
      executionId?: string;
    } = {},
  ): Promise<HarnessRun> {
    const workflow = this.workflow(spec);
    const start = this.node(workflow, options.startNode ?? START_NODE_NAME);
    const runExecutionData = createRunExecutionData({
      executionData: {
        nodeExecutionStack: [{ node: start, data: { main: [toJsonItems(input)] }, source: null }],
      },
    });
    return this.execute(
      workflow,
      runExecutionData,
      options.executionId ?? randomUUID(),
      options.mode ?? 'manual',
    );
  }

  private async execute(
    workflow: Workflow,
    runExecutionData: IRunExecutionData,
    executionId: string,
    mode: WorkflowExecuteMode,
  ): Promise<HarnessRun> {
    const statuses: ExecutionStatus[] = [];
    const hooks = new ExecutionLifecycleHooks(mode, executionId, {
      id: workflow.id,
      name: workflow.name,
      active: false,
      isArchived: false,
      nodes: Object.values(workflow.nodes),
      connections: workflow.connectionsBySourceNode,
      createdAt: new Date(),
      updatedAt: new Date(),
      activeVersionId: null,
    } as never);
    let finished: (run: IRun) => void = () => {};
    const done = new Promise<IRun>((resolve) => {
      finished = resolve;
    });
    hooks.addHandler('workflowExecuteAfter', (run) => finished(run));
    const additionalData = this.additionalData(executionId, {
      hooks,
      onStatus: (status) => statuses.push(status),
    });
    const execution = new WorkflowExecute(additionalData, mode, runExecutionData);
    await execution.processRunExecutionData(workflow);
    return new HarnessRun(workflow, await done, executionId, statuses);
  }

  /**
   * Resumes a waiting execution the way n8n's WaitingWebhooks does: the waiting node's `webhook()`
   * runs first; only when it returns `workflowData` does the execution continue, with those items
   * as the waiting node's output. Otherwise the execution stays waiting (returned `resumed: undefined`).
   */
  async resume(
    waiting: HarnessRun,
    request: HarnessHttpRequest,
    mode: WorkflowExecuteMode = 'manual',
  ): Promise<WebhookCallResult & { resumed?: HarnessRun }> {
    const data = structuredClone(waiting.run.data) as IRunExecutionData;
    const entry = data.executionData?.nodeExecutionStack[0];
    if (!entry || !data.waitTill) throw new Error('the run is not waiting');
    const workflow = waiting.workflow;
    const node = this.node(workflow, entry.node.name);
    const call = await this.callWebhook(workflow, node.name, request, {
      executionId: waiting.executionId,
      runExecutionData: data,
      mode,
    });
    if (!call.response.workflowData) return call;
    data.waitTill = undefined;
    entry.node.disabled = true;
    entry.data.main = call.response.workflowData;
    entry.metadata = { ...(entry.metadata ?? {}), forwardAllOutputs: true } as never;
    data.resultData.runData[node.name]?.pop();
    const resumed = await this.execute(workflow, data, waiting.executionId, mode);
    return { ...call, resumed };
  }

  /** Calls a node's `webhook()` with a request, through n8n-core's WebhookContext. */
  async callWebhook(
    workflow: Workflow,
    nodeName: string,
    request: HarnessHttpRequest,
    options: {
      executionId?: string;
      runExecutionData?: IRunExecutionData | null;
      mode?: WorkflowExecuteMode;
    } = {},
  ): Promise<WebhookCallResult> {
    const node = this.node(workflow, nodeName);
    const http = new HarnessHttpResponse();
    const executionId = options.executionId ?? randomUUID();
    const additionalData = this.additionalData(executionId, {
      httpRequest: request,
      httpResponse: http,
    });
    const webhookData = this.webhookData(workflow, node, additionalData);
    const context = new WebhookContext(
      workflow,
      node,
      additionalData,
      options.mode ?? 'webhook',
      webhookData,
      [],
      options.runExecutionData ?? null,
    );
    const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
    if (!nodeType.webhook) throw new Error(`node "${nodeName}" has no webhook()`);
    const response = await nodeType.webhook.call(context);
    return { response, http };
  }

  private webhookData(
    workflow: Workflow,
    node: INode,
    additionalData: ReturnType<typeof createAdditionalData>,
  ): IWebhookData {
    const description = workflow.nodeTypes.getByNameAndVersion(
      node.type,
      node.typeVersion,
    ).description;
    const webhookDescription = description.webhooks?.[0];
    if (!webhookDescription) throw new Error(`node "${node.name}" declares no webhooks`);
    return {
      httpMethod: webhookDescription.httpMethod as IWebhookData['httpMethod'],
      node: node.name,
      path: String(webhookDescription.path ?? ''),
      webhookDescription,
      workflowId: workflow.id,
      workflowExecuteAdditionalData: additionalData,
      webhookId: node.webhookId,
    };
  }

  /** Calls `webhookMethods.default[method]` through n8n-core's HookContext (activation path). */
  async webhookMethod(
    workflow: Workflow,
    nodeName: string,
    method: 'checkExists' | 'create' | 'delete',
  ): Promise<boolean> {
    const node = this.node(workflow, nodeName);
    const additionalData = this.additionalData(randomUUID());
    const context = new HookContext(
      workflow,
      node,
      additionalData,
      'trigger',
      'activate',
      this.webhookData(workflow, node, additionalData),
    );
    const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
    const handler = nodeType.webhookMethods?.default?.[method];
    if (!handler) throw new Error(`node "${nodeName}" has no webhookMethods.default.${method}`);
    return handler.call(context);
  }

  /** Calls `poll()` through n8n-core's PollContext. */
  async poll(workflow: Workflow, nodeName: string, mode: WorkflowExecuteMode = 'trigger') {
    const node = this.node(workflow, nodeName);
    const context = new PollContext(
      workflow,
      node,
      this.additionalData(randomUUID()),
      mode,
      'activate',
    );
    const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
    if (!nodeType.poll) throw new Error(`node "${nodeName}" has no poll()`);
    return nodeType.poll.call(context);
  }

  /** A LoadOptionsContext for `methods.listSearch` / `resourceMapping` / `loadOptions`. */
  loadOptionsContext(workflow: Workflow, nodeName: string, path = 'parameters') {
    const node = this.node(workflow, nodeName);
    return new LoadOptionsContext(workflow, node, this.additionalData(randomUUID()), path);
  }

  /** Calls a node's `methods[kind][name]` through a LoadOptionsContext. */
  async callMethod<T = unknown>(
    workflow: Workflow,
    nodeName: string,
    kind: 'listSearch' | 'resourceMapping' | 'loadOptions',
    name: string,
    ...args: unknown[]
  ): Promise<T> {
    const node = this.node(workflow, nodeName);
    const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
    const method = (
      nodeType.methods?.[kind] as Record<string, (...a: unknown[]) => Promise<T>> | undefined
    )?.[name];
    if (!method) throw new Error(`node "${nodeName}" has no methods.${kind}.${name}`);
    return method.call(this.loadOptionsContext(workflow, nodeName), ...args);
  }

  /**
   * Sends a credential type's declared `test` request the way n8n's credentials tester does.
   * Returns the HTTP status (200 = the credential works).
   */
  async credentialTest(workflow: Workflow, nodeName: string, type: string): Promise<number> {
    return sendCredentialTest({
      context: this.loadOptionsContext(workflow, nodeName),
      workflow,
      node: this.node(workflow, nodeName),
      credentialType: this.pkg.credentialType(type),
      credentials: this.credentials[type] ?? {},
    });
  }
}
