import { PackageDirectoryLoader } from 'n8n-core';
import {
  type ICredentialType,
  type IExecuteFunctions,
  type INodeExecutionData,
  type INodeType,
  type INodeTypeDescription,
  type INodeTypes,
  type IVersionedNodeType,
  NodeConnectionTypes,
  NodeHelpers,
} from 'n8n-workflow';

/** The node type every harness workflow starts from: it passes its input items through. */
export const START_NODE_TYPE = 'harness.start';

class HarnessStart implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'Start',
    name: 'start',
    group: ['input'],
    version: 1,
    description: 'Emits the items the harness gives it',
    defaults: { name: 'Start' },
    inputs: [NodeConnectionTypes.Main],
    outputs: [NodeConnectionTypes.Main],
    properties: [],
  };

  async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
    return [this.getInputData()];
  }
}

export interface LoadedNodePackage {
  packageName: string;
  loader: PackageDirectoryLoader;
  nodeTypes: INodeTypes;
  /** Full type name as n8n knows it for an installed community package: `<package>.<node>`. */
  typeName(nodeName: string): string;
  credentialType(name: string): ICredentialType;
}

/**
 * Loads a node package the way n8n loads an installed community package: n8n's own
 * PackageDirectoryLoader reads the package.json `n8n` block, requires each dist file in isolation
 * and validates the descriptions.
 */
export async function loadNodePackage(packageDir: string): Promise<LoadedNodePackage> {
  const loader = new PackageDirectoryLoader(packageDir);
  await loader.loadAll();
  const packageName = loader.packageName;
  const start = new HarnessStart();
  const shortName = (type: string) =>
    type.startsWith(`${packageName}.`) ? type.slice(packageName.length + 1) : type;
  const resolve = (type: string): INodeType | IVersionedNodeType => {
    if (type === START_NODE_TYPE) return start;
    return loader.getNode(shortName(type)).type;
  };
  const nodeTypes: INodeTypes = {
    getByName: (type) => resolve(type),
    getByNameAndVersion: (type, version) =>
      NodeHelpers.getVersionedNodeType(resolve(type), version),
    getKnownTypes: () => loader.known.nodes,
  };
  return {
    packageName,
    loader,
    nodeTypes,
    typeName: (nodeName) => `${packageName}.${nodeName}`,
    credentialType: (name) => loader.getCredential(name).type,
  };
}
