import { randomUUID } from 'node:crypto';
import type {
  IConnections,
  IDataObject,
  INode,
  INodeExecutionData,
  INodeParameters,
  INodeTypeDescription,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import type { HarnessCredentials } from './credentials-helper.ts';
import { type LoadedNodePackage, START_NODE_TYPE } from './node-types.ts';

/** A node as a test writes it: `type` is the short node name (e.g. `canvelete`). */
export interface HarnessNode {
  /** A saved workflow's node id; random when not given. Give one to replay the same workflow. */
  id?: string;
  name: string;
  type: string;
  typeVersion?: number;
  /** Node parameters as in a workflow's JSON (expressions start with `=`). */
  parameters?: Record<string, unknown>;
  /** n8n's per-node "On Error" setting; `continueRegularOutput` is what continueOnFail() reads. */
  onError?: INode['onError'];
  retryOnFail?: boolean;
  disabled?: boolean;
}

export interface WorkflowSpec {
  /** Nodes after the Start node; without `connections` they are chained in order. */
  nodes: HarnessNode[];
  connections?: IConnections;
  /** Workflow static data, kept by the caller across runs (triggers keep cursors there). */
  staticData?: IDataObject;
  /** Omit the Start node (trigger workflows start from the trigger itself). */
  withoutStart?: boolean;
}

export const START_NODE_NAME = 'Start';

export function toJsonItems(input: Array<IDataObject | INodeExecutionData>): INodeExecutionData[] {
  return input.map((entry) =>
    'json' in entry && typeof entry.json === 'object'
      ? (entry as INodeExecutionData)
      : { json: entry },
  );
}

function chain(names: string[]): IConnections {
  const connections: IConnections = {};
  for (let index = 0; index + 1 < names.length; index++) {
    connections[names[index] as string] = {
      main: [[{ node: names[index + 1] as string, type: 'main', index: 0 }]],
    };
  }
  return connections;
}

function describe(pkg: LoadedNodePackage, type: string, version?: number): INodeTypeDescription {
  return pkg.nodeTypes.getByNameAndVersion(type, version).description;
}

/** Builds the n8n Workflow object with node ids, versions and credentials filled in. */
export function buildWorkflow(
  pkg: LoadedNodePackage,
  spec: WorkflowSpec,
  credentials: HarnessCredentials,
): Workflow {
  const nodes: INode[] = [];
  if (!spec.withoutStart) {
    nodes.push({
      id: randomUUID(),
      name: START_NODE_NAME,
      type: START_NODE_TYPE,
      typeVersion: 1,
      position: [0, 0],
      parameters: {},
    });
  }
  spec.nodes.forEach((node, index) => {
    const type = node.type.includes('.') ? node.type : pkg.typeName(node.type);
    const description = describe(pkg, type, node.typeVersion);
    const defaultVersion = Array.isArray(description.version)
      ? Math.max(...description.version)
      : description.version;
    const nodeCredentials: INode['credentials'] = {};
    for (const credential of description.credentials ?? []) {
      if (credentials[credential.name]) {
        nodeCredentials[credential.name] = { id: `cred-${credential.name}`, name: credential.name };
      }
    }
    nodes.push({
      id: node.id ?? randomUUID(),
      webhookId: description.webhooks ? randomUUID() : undefined,
      name: node.name,
      type,
      typeVersion: node.typeVersion ?? defaultVersion,
      position: [200 * (index + 1), 0],
      parameters: (node.parameters ?? {}) as INodeParameters,
      credentials: nodeCredentials,
      onError: node.onError,
      retryOnFail: node.retryOnFail,
      disabled: node.disabled,
    });
  });
  return new Workflow({
    id: 'harness-workflow',
    name: 'Harness workflow',
    nodes,
    connections: spec.connections ?? chain(nodes.map((node) => node.name)),
    active: false,
    nodeTypes: pkg.nodeTypes,
    staticData: spec.staticData,
    settings: { executionOrder: 'v1' },
  });
}
