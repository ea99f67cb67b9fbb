import {
  type ICredentialDataDecryptedObject,
  type ICredentials,
  ICredentialsHelper,
  type ICredentialType,
  type IHttpRequestHelper,
  type IHttpRequestOptions,
  type INode,
  type INodeCredentialsDetails,
  type INodeProperties,
  type IRequestOptionsSimplified,
  type Workflow,
} from 'n8n-workflow';

/** Decrypted credential data by credential type name, e.g. `{ canveleteApi: { apiKey, baseUrl } }`. */
export type HarnessCredentials = Record<string, ICredentialDataDecryptedObject>;

/**
 * The credentials helper n8n's CLI would provide, reduced to what a community node touches. It
 * implements the credential's declared `authenticate` (generic headers/qs/body/auth resolved as
 * `={{ $credentials.x }}` expressions, or a function), which n8n's own test helper leaves out.
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
  constructor(
    private readonly credentials: HarnessCredentials,
    private readonly credentialTypes: (name: string) => ICredentialType | undefined,
  ) {
    super();
  }

  getParentTypes(): string[] {
    return [];
  }

  isCredentialUsableByNode(): boolean {
    return true;
  }

  async authenticate(
    credentials: ICredentialDataDecryptedObject,
    typeName: string,
    requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
    workflow?: Workflow,
    node?: INode,
  ): Promise<IHttpRequestOptions> {
    const options = requestOptions as IHttpRequestOptions;
    const authenticate = this.credentialTypes(typeName)?.authenticate;
    if (typeof authenticate === 'function') return authenticate(credentials, options);
    if (authenticate?.type !== 'generic') return options;
    const resolve = (value: unknown) => {
      if (typeof value !== 'string' || !value.startsWith('=')) return value;
      if (!workflow || !node) throw new Error('generic authentication needs the workflow and node');
      return workflow.expression.getSimpleParameterValue(node, value, 'internal', {
        $credentials: credentials,
      } as never);
    };
    const target = options as unknown as Record<string, Record<string, unknown> | undefined>;
    for (const [section, entries] of Object.entries(authenticate.properties)) {
      const resolved: Record<string, unknown> = { ...(target[section] ?? {}) };
      for (const [key, value] of Object.entries(entries as Record<string, unknown>)) {
        resolved[String(resolve(key))] = resolve(value);
      }
      target[section] = resolved;
    }
    return options;
  }

  async preAuthentication(
    _helpers: IHttpRequestHelper,
  ): Promise<ICredentialDataDecryptedObject | undefined> {
    return undefined;
  }

  async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
    return undefined;
  }

  async getCredentials(_details: INodeCredentialsDetails, type: string): Promise<ICredentials> {
    throw new Error(`the harness keeps no encrypted credentials (asked for ${type})`);
  }

  async getDecrypted(
    _additionalData: unknown,
    _details: INodeCredentialsDetails,
    type: string,
  ): Promise<ICredentialDataDecryptedObject> {
    const data = this.credentials[type];
    if (!data) throw new Error(`no harness credentials of type "${type}"`);
    return structuredClone(data);
  }

  async updateCredentials(): Promise<void> {}

  async updateCredentialsOauthTokenData(): Promise<void> {}

  getCredentialsProperties(type: string): INodeProperties[] {
    return this.credentialTypes(type)?.properties ?? [];
  }
}
