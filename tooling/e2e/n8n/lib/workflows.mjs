// The credentials and workflows the stage imports. Two sets: the real Canvelete package, and a
// throwaway fixture package that proves the pipeline while the real node is not built.
import { randomUUID } from 'node:crypto';

// The sandbox's seeded design with no dynamic fields (apps/sandbox/src/seed/static-banner.ts).
export const STATIC_BANNER_ID = 'cm4sbxstat1cbanner0000006';

const CREDENTIAL_ID = 'e2eCredential001';
export const EXECUTE_WORKFLOW_ID = 'e2eExecuteFlow01';
export const TRIGGER_WORKFLOW_ID = 'e2eTriggerFlow01';

function workflow(id, name, nodes, connections) {
  return {
    id,
    name,
    active: false,
    nodes,
    connections,
    settings: { executionOrder: 'v1', saveManualExecutions: true },
    pinData: {},
  };
}

function chain(...names) {
  const connections = {};
  for (let i = 0; i < names.length - 1; i++) {
    connections[names[i]] = { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] };
  }
  return connections;
}

const manualTrigger = {
  id: randomUUID(),
  name: 'Start',
  type: 'n8n-nodes-base.manualTrigger',
  typeVersion: 1,
  position: [0, 0],
  parameters: {},
};

/** An HTTP Request node that POSTs the incoming item to the runner's sink. */
function postToSink(sinkUrl) {
  return {
    id: randomUUID(),
    name: 'Report',
    type: 'n8n-nodes-base.httpRequest',
    typeVersion: 4.2,
    position: [440, 0],
    parameters: {
      method: 'POST',
      url: `${sinkUrl}/received`,
      sendBody: true,
      specifyBody: 'json',
      jsonBody: '={{ JSON.stringify($json) }}',
      options: {},
    },
  };
}

export function canveleteScenario({ packageName, sandbox, sinkUrl }) {
  const credentialRef = { canveleteApi: { id: CREDENTIAL_ID, name: 'Canvelete sandbox' } };
  const credentials = [
    {
      id: CREDENTIAL_ID,
      name: 'Canvelete sandbox',
      type: 'canveleteApi',
      data: { apiKey: sandbox.apiKey, baseUrl: sandbox.url, webhookSecret: '' },
    },
  ];
  const render = {
    id: randomUUID(),
    name: 'Canvelete',
    type: `${packageName}.canvelete`,
    typeVersion: 1,
    position: [220, 0],
    credentials: credentialRef,
    parameters: {
      resource: 'render',
      operation: 'render',
      source: 'design',
      design: { __rl: true, mode: 'id', value: STATIC_BANNER_ID },
      dataInput: 'json',
      dynamicDataJson: '{}',
      dynamicElementsJson: '{}',
      format: 'png',
      waitMode: 'poll',
      output: 'json',
      options: {},
    },
  };
  const webhookId = randomUUID();
  const trigger = {
    id: randomUUID(),
    name: 'Canvelete Trigger',
    type: `${packageName}.canveleteTrigger`,
    typeVersion: 1,
    position: [0, 0],
    webhookId,
    credentials: credentialRef,
    parameters: { events: ['render.completed'], design: { __rl: true, mode: 'list', value: '' } },
  };
  return {
    credentials,
    executeWorkflow: workflow(
      EXECUTE_WORKFLOW_ID,
      'e2e: render a design',
      [manualTrigger, render],
      chain('Start', 'Canvelete'),
    ),
    triggerWorkflow: workflow(
      TRIGGER_WORKFLOW_ID,
      'e2e: on render completed',
      [trigger, postToSink(sinkUrl)],
      chain('Canvelete Trigger', 'Report'),
    ),
    webhookPath: `webhook/${webhookId}/webhook`,
  };
}

/** The fixture package (fixtures/n8n-nodes-e2e-fixture) and n8n's own Webhook node. */
export function fixtureScenario({ packageName, sandbox, sinkUrl }) {
  const credentials = [
    {
      id: CREDENTIAL_ID,
      name: 'Fixture',
      type: 'e2eFixtureApi',
      data: { apiKey: sandbox.apiKey, baseUrl: sandbox.url },
    },
  ];
  const echo = {
    id: randomUUID(),
    name: 'Echo',
    type: `${packageName}.e2eEcho`,
    typeVersion: 1,
    position: [220, 0],
    credentials: { e2eFixtureApi: { id: CREDENTIAL_ID, name: 'Fixture' } },
    parameters: { path: '/api/v1/account/credits', who: '={{ "e2e" + "-" + "fixture" }}' },
  };
  const webhookId = randomUUID();
  const webhook = {
    id: randomUUID(),
    name: 'Webhook',
    type: 'n8n-nodes-base.webhook',
    typeVersion: 2,
    position: [0, 0],
    webhookId,
    parameters: { httpMethod: 'POST', path: webhookId, responseMode: 'onReceived', options: {} },
  };
  return {
    credentials,
    executeWorkflow: workflow(
      EXECUTE_WORKFLOW_ID,
      'e2e: fixture echo',
      [manualTrigger, echo],
      chain('Start', 'Echo'),
    ),
    triggerWorkflow: workflow(
      TRIGGER_WORKFLOW_ID,
      'e2e: fixture webhook',
      [webhook, postToSink(sinkUrl)],
      chain('Webhook', 'Report'),
    ),
    webhookPath: `webhook/${webhookId}`,
  };
}
