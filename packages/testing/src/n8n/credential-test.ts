import type {
  ICredentialDataDecryptedObject,
  ICredentialType,
  ILoadOptionsFunctions,
  INode,
  Workflow,
} from 'n8n-workflow';

export interface CredentialTestInput {
  context: ILoadOptionsFunctions;
  workflow: Workflow;
  node: INode;
  credentialType: ICredentialType;
  credentials: ICredentialDataDecryptedObject;
}

/**
 * What n8n's credentials tester does with a declared `test` request: `={{…}}` values resolved with
 * `$credentials`, the credential's `authenticate` applied (by n8n's own request helper), sent.
 */
export async function sendCredentialTest(input: CredentialTestInput): Promise<number> {
  const { context, workflow, node, credentialType, credentials } = input;
  const request = credentialType.test?.request;
  if (!request)
    throw new Error(`credential type "${credentialType.name}" declares no test request`);
  const resolve = (value: unknown) =>
    typeof value === 'string' && value.startsWith('=')
      ? workflow.expression.getSimpleParameterValue(node, value, 'internal', {
          $credentials: credentials,
        } as never)
      : value;
  const response = (await context.helpers.httpRequestWithAuthentication.call(
    context,
    credentialType.name,
    {
      method: request.method ?? 'GET',
      baseURL: String(resolve(request.baseURL) ?? ''),
      url: String(resolve(request.url) ?? ''),
      returnFullResponse: true,
      ignoreHttpStatusErrors: true,
    },
  )) as { statusCode: number };
  return response.statusCode;
}
