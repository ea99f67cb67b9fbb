// The n8n engine harness. Import it from '@canvelete/testing/n8n': it loads n8n-core, which is slow.
import './env.ts';

export {
  HARNESS_BASE_URL,
  type HarnessHttpRequest,
  HarnessHttpResponse,
} from './additional-data.ts';
export { type HarnessCredentials, HarnessCredentialsHelper } from './credentials-helper.ts';
export { N8nHarness, type N8nHarnessOptions } from './harness.ts';
export { type LoadedNodePackage, loadNodePackage, START_NODE_TYPE } from './node-types.ts';
export { HarnessRun, type WebhookCallResult } from './run.ts';
export { type HarnessNode, START_NODE_NAME, toJsonItems, type WorkflowSpec } from './workflow.ts';
